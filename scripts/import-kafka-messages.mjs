// Copies the message definitions kafkascope's wire protocol is generated from out of an Apache
// Kafka source tree (clients/src/main/resources/common/message/*.json) into cli/protocol/messages/:
// the structure only (names, types, versions, defaults), without Kafka's comments and "about" text.
//
//   node scripts/import-kafka-messages.mjs <kafka-source-dir | git-dir@commit>
//
// A git directory with @commit reads the files with `git show` (e.g. a bare mirror).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const NAMES = [
  'RequestHeader', 'ResponseHeader',
  'ApiVersionsRequest', 'ApiVersionsResponse',
  'MetadataRequest', 'MetadataResponse',
  'ProduceRequest', 'ProduceResponse',
  'FetchRequest', 'FetchResponse',
  'ListOffsetsRequest', 'ListOffsetsResponse',
  'OffsetForLeaderEpochRequest', 'OffsetForLeaderEpochResponse',
  'FindCoordinatorRequest', 'FindCoordinatorResponse',
  'JoinGroupRequest', 'JoinGroupResponse',
  'SyncGroupRequest', 'SyncGroupResponse',
  'HeartbeatRequest', 'HeartbeatResponse',
  'LeaveGroupRequest', 'LeaveGroupResponse',
  'OffsetCommitRequest', 'OffsetCommitResponse',
  'OffsetFetchRequest', 'OffsetFetchResponse',
  'InitProducerIdRequest', 'InitProducerIdResponse',
  'CreateTopicsRequest', 'CreateTopicsResponse',
  'DeleteTopicsRequest', 'DeleteTopicsResponse',
  'DescribeConfigsRequest', 'DescribeConfigsResponse',
  'DescribeClusterRequest', 'DescribeClusterResponse',
  'DescribeGroupsRequest', 'DescribeGroupsResponse',
  'ListGroupsRequest', 'ListGroupsResponse',
  'ConsumerGroupHeartbeatRequest', 'ConsumerGroupHeartbeatResponse',
  'ConsumerProtocolSubscription', 'ConsumerProtocolAssignment',
]

const source = process.argv[2]
if (!source) {
  console.error('usage: node scripts/import-kafka-messages.mjs <kafka-source-dir | git-dir@commit>')
  process.exit(2)
}

function read(name) {
  const rel = `clients/src/main/resources/common/message/${name}.json`
  const at = source.lastIndexOf('@')
  if (at > 0) return execFileSync('git', ['--git-dir', source.slice(0, at), 'show', `${source.slice(at + 1)}:${rel}`], { encoding: 'utf8' })
  return readFileSync(join(source, rel), 'utf8')
}

/** Kafka's JSON allows // comments; strip them outside strings. */
function stripComments(text) {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      out += c
      if (c === '\\') out += text[++i]
      else if (c === '"') inString = false
    } else if (c === '"') {
      inString = true
      out += c
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++
      out += '\n'
    } else out += c
  }
  return out
}

const KEEP = ['name', 'type', 'versions', 'nullableVersions', 'taggedVersions', 'tag', 'flexibleVersions', 'default', 'ignorable', 'fields', 'mapKey']

function structure(field) {
  const out = {}
  for (const k of KEEP) if (field[k] !== undefined) out[k] = k === 'fields' ? field[k].map(structure) : field[k]
  return out
}

const outDir = new URL('../cli/protocol/messages/', import.meta.url).pathname
if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true })
for (const name of NAMES) {
  const spec = JSON.parse(stripComments(read(name)))
  const out = { name: spec.name, type: spec.type, validVersions: spec.validVersions, flexibleVersions: spec.flexibleVersions, fields: spec.fields.map(structure) }
  if (spec.apiKey !== undefined) out.apiKey = spec.apiKey
  if (spec.commonStructs) out.commonStructs = spec.commonStructs.map((s) => ({ name: s.name, versions: s.versions, fields: s.fields.map(structure) }))
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(out, null, 1) + '\n')
}
console.log(`${NAMES.length} message definitions written to ${outDir}`)
