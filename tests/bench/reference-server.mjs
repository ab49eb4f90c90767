/**
 * The reference: the stock y-websocket server (@y/websocket-server 0.1.1), set
 * up exactly as its own `bin` (src/server.js) does it: an http server, a `ws`
 * WebSocketServer without its own port, and `setupWSConnection` for every
 * upgrade. No persistence (YPERSISTENCE unset). Listens on HOST:PORT.
 *
 * Plain JavaScript, so that it runs on plain Node like Werkraum's production
 * bundle and neither side carries a TypeScript loader.
 */
import http from 'node:http'
import { WebSocketServer } from 'ws'
import { setupWSConnection } from '@y/websocket-server/utils'

const host = process.env.HOST ?? '127.0.0.1'
const port = Number(process.env.PORT ?? 1234)

const wss = new WebSocketServer({ noServer: true })
wss.on('connection', setupWSConnection)

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(port, host, () => {
  process.stdout.write(`reference y-websocket server at ${host}:${port}\n`)
})

// Leave when the benchmark that started us goes away, even if it could not kill us.
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
process.on('SIGTERM', () => process.exit(0))
