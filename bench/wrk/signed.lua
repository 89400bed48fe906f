-- Twilio's signed webhook posts for wrk, signed beforehand by bench/InboundLoad.java (signing here would cost the
-- generator CPU and need an HMAC in Lua). Each line of the file is "signature<TAB>form body". Thread k of n takes
-- lines k+1, k+1+n, ..., so no two connections send the same MessageSid, and sends them in order.
-- Arguments (after wrk's "--"): file threads [limits]. limits ("n1,n2,...", one per thread) keeps each thread to its
-- first lines and cycles over them: the duplicate run, over exactly what the first run delivered.
-- Run from bench/wrk (report.lua is loaded relative to it).
dofile("report.lua")

local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

function init(args)
	file, count, limits = args[1], tonumber(args[2]), args[3]
	headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
	next_line, sent, wrapped = 0, 0, 0
end

-- Reads this thread's slice. Not in init(): wrk calls each thread's init() from its main thread just before starting
-- that thread, so thread 1 would still be loading (about a second for 60 s of requests) while thread 0 already sent,
-- outside the duration wrk measures. Here each thread loads in itself, at its first request.
function load()
	local limit
	if limits then
		local n = 0
		for value in limits:gmatch("%d+") do
			if n == id then
				limit = tonumber(value)
			end
			n = n + 1
		end
	end
	signatures, bodies = {}, {}
	local line = 0
	for text in io.lines(file) do
		if line % count == id then
			if limit and #bodies >= limit then
				break
			end
			local tab = text:find("\t", 1, true)
			table.insert(signatures, text:sub(1, tab - 1))
			table.insert(bodies, text:sub(tab + 1))
		end
		line = line + 1
	end
end

function request()
	if file and not bodies then
		load()
	end
	if not bodies or #bodies == 0 then
		-- wrk's check of the script outside any thread, or a thread whose slice is empty
		return wrk.format()
	end
	next_line = next_line + 1
	if next_line > #bodies then
		-- out of lines: repeat them (counted, since they are then duplicates, not unique messages)
		next_line, wrapped = 1, wrapped + 1
	end
	sent = sent + 1
	headers["X-Twilio-Signature"] = signatures[next_line]
	return wrk.format("POST", wrk.path, headers, bodies[next_line])
end

-- What each thread sent, and how often a thread ran out of lines and started over.
function extra()
	local sents, wraps = {}, 0
	for _, thread in ipairs(threads) do
		table.insert(sents, tostring(thread:get("sent") or 0))
		wraps = wraps + (thread:get("wrapped") or 0)
	end
	return "sent=" .. table.concat(sents, ",") .. " wrapped=" .. wraps
end
