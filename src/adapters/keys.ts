/**
 * Every Redis key and BullMQ prefix of one storydesk instance, built from STORYDESK_PREFIX.
 * Keys carry the prefix in a hash tag ("{storydesk}:…") so that Redis Cluster keeps one
 * instance on one slot, which BullMQ's multi-key scripts and our MULTI blocks need.
 */
export function keysFor(prefix: string) {
  const root = `{${prefix}}`;
  return {
    /** The instance prefix itself (STORYDESK_PREFIX). */
    prefix,
    /**
     * BullMQ's own `prefix` option: queues live under "{prefix}:q:<queue>:…", a namespace of
     * their own, so no queue name can ever collide with a key of ours.
     */
    bullPrefix: `${root}:q`,
    version: `${root}:version`,
    /** Held by the one process migrating the stored data (SET NX with a TTL). */
    versionLock: `${root}:version:lock`,
    outlet: (id: string) => `${root}:outlet:${id}`,
    outlets: `${root}:outlets`,
    feed: (id: string) => `${root}:feed:${id}`,
    feeds: `${root}:feeds`,
    /** GUIDs already seen per feed (hash guid → content fingerprint). */
    feedSeen: (id: string) => `${root}:feed:${id}:seen`,
    article: (id: string) => `${root}:article:${id}`,
    /** Sorted set of article ids by published time. */
    articlesByTime: `${root}:articles:by-time`,
    story: (id: string) => `${root}:story:${id}`,
    /** Sorted set of story ids by last update. */
    storiesByTime: `${root}:stories:by-time`,
    storyArticles: (id: string) => `${root}:story:${id}:articles`,
    storyHistory: (id: string) => `${root}:story:${id}:history`,
    /** A retired (merged away) candidate as it was when retired, for undo. */
    retiredStory: (id: string) => `${root}:story:${id}:retired`,
    /** Hash: retired story id → the id it was merged or moved into (later placements follow it). */
    storyForward: `${root}:story-forward`,
    /** article id → story id. */
    articleStory: `${root}:article-story`,
    /** Counter for story ids. */
    storySeq: `${root}:seq:story`,
    /** Clusterer state (see adapters/store/cluster-state). */
    cluster: (part: string) => `${root}:clusterer:${part}`,
    /** Per-host politeness state (hash: next allowed start, paused-until). */
    host: (hostPort: string) => `${root}:host:${hostPort}`,
    /** Per-host leases of requests in flight (sorted set: lease id → expiry ms). */
    hostLeases: (hostPort: string) => `${root}:host:${hostPort}:leases`,
    /** Cached robots.txt of one origin (JSON, with a TTL). */
    robots: (origin: string) => `${root}:robots:${origin}`,
    /** Worker heartbeats: one key per process, with a TTL. */
    heartbeat: (role: string, processId: string) => `${root}:hb:${role}:${processId}`,
    heartbeatPattern: `${root}:hb:*`,
    /** Each process's metrics (prom-client JSON, with a TTL), merged by the web role's /metrics. */
    metrics: (processId: string) => `${root}:metrics:${processId}`,
    metricsPattern: `${root}:metrics:*`,
    /** What the last retention prune removed (JSON), for `storydesk status`. */
    lastPrune: `${root}:prune:last`,
    users: `${root}:users`,
    session: (id: string) => `${root}:session:${id}`,
    signinFailures: (who: string) => `${root}:signin-fail:${who}`,
    /** Sign-in back-off of one name from one address (hash: failures, until). */
    signinPair: (name: string, ip: string) => `${root}:signin-pair:${name}:${ip}`,
    /** Addresses a name signed in from successfully (set, with a TTL). */
    signinKnown: (name: string) => `${root}:signin-known:${name}`,
    /** Set of the open session ids of one user, so a password change or removal ends them all. */
    userSessions: (name: string) => `${root}:user-sessions:${name}`,
    /** Secret of the published-stories Atom feed (`/published.atom?token=…`). */
    feedToken: `${root}:feed-token`,
    stats: `${root}:stats`,
    /** When each desk user last looked at each candidate (hash story id → ISO time), for "new since my last visit". */
    deskSeen: (user: string) => `${root}:desk-seen:${user}`,
    /** Everything of this instance, for tests and `demo` to wipe. */
    all: `${root}:*`,
  };
}

export type Keys = ReturnType<typeof keysFor>;
