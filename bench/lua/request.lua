-- wrk script: one request shape from the environment, every answer's status counted by wrk.
--   METHOD (GET), TOKEN (Authorization: Bearer), BODY_FILE (JSON body),
--   PK_OUT: a file prefix; each thread appends the "pk" of every 201 answer to PK_OUT.<thread>
wrk.method = os.getenv("METHOD") or "GET"
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
local body_file = os.getenv("BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

local out
function init(args)
  local prefix = os.getenv("PK_OUT")
  if prefix and prefix ~= "" then out = assert(io.open(prefix .. "." .. id, "a")) end
end

function response(status, headers, body)
  if out and status == 201 then
    local pk = body:match('"pk":(%d+)')
    if pk then out:write(pk, "\n"); out:flush() end
  end
end
