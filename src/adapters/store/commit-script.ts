/**
 * One editorial change over several candidates, all or nothing (StoryStore.commit builds the
 * plan). KEYS[1] stories by time, KEYS[2] article → story, KEYS[3] retired id → forward, then
 * the story, history and retired-snapshot keys the plan names by index. ARGV[1]: the plan,
 *   put     [storyKey, id, expectedVersion, json, score]
 *   retire  [storyKey, id, expectedVersion, retiredKey, forwardTo or '']
 *   restore [id, retiredKey]
 *   owners  [articleId, expected owner or '']
 *   own     [articleId, storyId]
 *   history [historyKey, decision json]
 * Every check runs before any write, so a refused change leaves nothing behind. Returns
 * {'ok'} or {'stale', id, currentVersion} / {'retired', id, forwardTo} / {'owner', article, owner}.
 */
export const COMMIT_STORIES = `
local plan = cjson.decode(ARGV[1])
local restoring = {}
for _, r in ipairs(plan.restore) do restoring[r[1]] = true end

local function check(key, id, expected)
  if expected < 0 then return nil end
  local raw = redis.call('GET', KEYS[key])
  local current = 0
  if raw then current = cjson.decode(raw).version end
  if not raw and not restoring[id] then
    local forward = redis.call('HGET', KEYS[3], id)
    if forward then return {'retired', id, forward} end
  end
  if current ~= expected then return {'stale', id, tostring(current)} end
  return nil
end

for _, p in ipairs(plan.put) do
  local refused = check(p[1], p[2], p[3])
  if refused then return refused end
end
for _, r in ipairs(plan.retire) do
  local refused = check(r[1], r[2], r[3])
  if refused then return refused end
end
for _, o in ipairs(plan.owners) do
  local owner = redis.call('HGET', KEYS[2], o[1]) or ''
  if owner ~= o[2] then return {'owner', o[1], owner} end
end

for _, r in ipairs(plan.restore) do
  redis.call('HDEL', KEYS[3], r[1])
  redis.call('DEL', KEYS[r[2]])
end
for _, r in ipairs(plan.retire) do
  local raw = redis.call('GET', KEYS[r[1]])
  if raw then redis.call('SET', KEYS[r[4]], raw) end
  redis.call('DEL', KEYS[r[1]])
  redis.call('ZREM', KEYS[1], r[2])
  if r[5] ~= '' then redis.call('HSET', KEYS[3], r[2], r[5]) end
end
for _, p in ipairs(plan.put) do
  redis.call('SET', KEYS[p[1]], p[4])
  redis.call('ZADD', KEYS[1], p[5], p[2])
end
for _, o in ipairs(plan.own) do
  redis.call('HSET', KEYS[2], o[1], o[2])
end
for _, h in ipairs(plan.history) do
  redis.call('RPUSH', KEYS[h[1]], h[2])
end
return {'ok'}
`;
