import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A certificate authority of its own for a throw-away cluster: what a centre's IT would hand out. */
export interface CertificateAuthority {
  /** PEM, what a desk trusts (`ServerTarget.caCertificate`). */
  certificate: string
  /** PEM, to sign server certificates with. */
  key: string
}

function openssl(args: string[], cwd: string): void {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr || run.error?.message}`)
}

/** In a scratch folder, removed afterwards: the files openssl writes are read back as text. */
function inScratch<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-tls-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A new CA (P-256, valid two days: test data only). */
export function createCertificateAuthority(name = 'Frontdesk throw-away CA'): CertificateAuthority {
  return inScratch((dir) => {
    openssl(
      [
        'req',
        '-x509',
        '-new',
        '-nodes',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      dir,
    )
    return { certificate: readFileSync(join(dir, 'ca.crt'), 'utf8'), key: readFileSync(join(dir, 'ca.key'), 'utf8') }
  })
}

/** A server certificate signed by `ca` for these host names and IP addresses. */
export function createServerCertificate(
  ca: CertificateAuthority,
  names: { dns: string[]; ip: string[] },
): { certificate: string; key: string } {
  return inScratch((dir) => {
    writeFileSync(join(dir, 'ca.crt'), ca.certificate)
    writeFileSync(join(dir, 'ca.key'), ca.key, { mode: 0o600 })
    const altNames = [...names.dns.map((dns) => `DNS:${dns}`), ...names.ip.map((ip) => `IP:${ip}`)].join(',')
    writeFileSync(
      join(dir, 'server.ext'),
      `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n` +
        'extendedKeyUsage=serverAuth\n',
    )
    openssl(
      [
        'req',
        '-new',
        '-nodes',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-keyout',
        'server.key',
        '-out',
        'server.csr',
        '-subj',
        `/CN=${names.dns[0] ?? names.ip[0]}`,
      ],
      dir,
    )
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'server.crt',
        '-days',
        '2',
        '-extfile',
        'server.ext',
      ],
      dir,
    )
    return {
      certificate: readFileSync(join(dir, 'server.crt'), 'utf8'),
      key: readFileSync(join(dir, 'server.key'), 'utf8'),
    }
  })
}
