-- wrk script: POST the API key to the token endpoint; counts non-200 answers.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"apiKey": "' .. os.getenv("API_KEY") .. '"}'

local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 answers (this thread's view): %d\n", non200))
end
