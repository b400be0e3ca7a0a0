-- wrk: each request carries the next of the tokens in the file named by TOKENS (one per line), round robin per thread.
-- MODE=bearer: GET with "Authorization: Bearer <token>" (the platform's tenant API).
-- MODE=introspect: an RFC 7662 introspection POST of the token, authenticated with CLIENT_BASIC (Keycloak).
local tokens = {}
local index = 0
local introspect = os.getenv("MODE") == "introspect"

function init(args)
  for line in io.lines(os.getenv("TOKENS")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  index = math.random(#tokens)
end

function request()
  index = index % #tokens + 1
  if introspect then
    return wrk.format("POST", nil, {
      ["Authorization"] = "Basic " .. os.getenv("CLIENT_BASIC"),
      ["Content-Type"] = "application/x-www-form-urlencoded"
    }, "token=" .. tokens[index])
  end
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. tokens[index] })
end

function done(summary, latency, requests)
  io.write(string.format("NON2XX %d\n", summary.errors.status))
end
