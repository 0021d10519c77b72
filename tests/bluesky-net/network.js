// Boots a real Bluesky network (PLC, PDS, AppView and the moderation service @atproto/dev-env starts with them) on
// the machine's PostgreSQL and Redis, creates the accounts a test asks for, and prints one JSON line:
//   {"pds": url, "appview": url, "plc": url, "control": url, "accounts": {name: {did, handle, password, appPassword}}}
// While it runs, POST <control>/process waits until the AppView has indexed everything written so far
// (network.processAll()), and POST <control>/account?name=NAME creates the account NAME.test with an app password. It stops when its standard input closes (the test ending, or dying).
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
  const createAccount = async (name) => {
    const password = `${name}-password`
    const account = await xrpc(network.pds.url, 'com.atproto.server.createAccount', {
      handle: `${name}.test`, email: `${name}@example.test`, password,
    })
    const app = await xrpc(network.pds.url, 'com.atproto.server.createAppPassword', { name: 'replynudge' },
      account.accessJwt)
    return { did: account.did, handle: account.handle, password, appPassword: app.password }
  }
  const accounts = {}
  for (const name of names) accounts[name] = await createAccount(name)
  await network.processAll()

  let closing = null
  const close = () => {
    closing = closing || network.close().finally(() => process.exit(0))
    return closing
  }
  const answer = (res, work) => work.then(
    (body) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(body ?? {})) },
    (err) => { res.writeHead(500); res.end(String(err && err.stack ? err.stack : err)) },
  )
  const control = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://control')
    if (req.method === 'POST' && url.pathname === '/process') {
      answer(res, network.processAll())
    } else if (req.method === 'POST' && url.pathname === '/account') {
      answer(res, createAccount(url.searchParams.get('name')).then(async (account) => {
        await network.processAll()
        return account
      }))
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
