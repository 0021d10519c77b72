// Boots a real Bluesky network (PLC, PDS, AppView and the moderation service @atproto/dev-env starts with them) on
// the machine's PostgreSQL and Redis, creates the accounts a test asks for, and prints one JSON line:
//   {"pds": url, "appview": url, "plc": url, "control": url, "accounts": {name: {did, handle, password, appPassword}}}
// While it runs, POST <control>/process waits until the AppView has indexed everything written so far
// (network.processAll()). It stops when its standard input closes (the test ending, or dying).
// Usage: node network.js <postgres url> <schema> <redis host:port> <account name>...
'use strict'
const http = require('node:http')
const { TestNetwork } = require('@atproto/dev-env')

const [dbPostgresUrl, schema, redisHost, ...names] = process.argv.slice(2)

async function xrpc(base, nsid, body, token) {
  const headers = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${base}/xrpc/${nsid}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const answer = await res.json()
  if (!res.ok) throw new Error(`${nsid}: ${res.status} ${JSON.stringify(answer)}`)
  return answer
}

async function main() {
  process.env.REDIS_HOST = redisHost
  const network = await TestNetwork.create({ dbPostgresUrl, dbPostgresSchema: schema })
  const accounts = {}
  for (const name of names) {
    const password = `${name}-password`
    const account = await xrpc(network.pds.url, 'com.atproto.server.createAccount', {
      handle: `${name}.test`, email: `${name}@example.test`, password,
    })
    const app = await xrpc(network.pds.url, 'com.atproto.server.createAppPassword', { name: 'replynudge' },
      account.accessJwt)
    accounts[name] = { did: account.did, handle: account.handle, password, appPassword: app.password }
  }
  await network.processAll()

  let closing = null
  const close = () => {
    closing = closing || network.close().finally(() => process.exit(0))
    return closing
  }
  const control = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/process') {
      network.processAll().then(
        () => { res.writeHead(204); res.end() },
        (err) => { res.writeHead(500); res.end(String(err)) },
      )
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  control.listen(0, '127.0.0.1', () => {
    const { port } = control.address()
    process.stdout.write(JSON.stringify({
      pds: network.pds.url, appview: network.bsky.url, plc: network.plc.url,
      control: `http://127.0.0.1:${port}`, accounts,
    }) + '\n')
  })
  process.stdin.on('end', close)
  process.stdin.on('close', close)
  process.stdin.resume()
  process.on('SIGTERM', close)
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`)
  process.exit(1)
})
