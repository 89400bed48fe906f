-- Twilio's signed webhook posts for wrk, signed beforehand by bench/InboundLoad.java (signing here would cost the
-- generator CPU and need an HMAC in Lua). Each line of the file is "signature<TAB>form body". Thread k of n takes
-- lines k+1, k+1+n, ..., so no two connections send the same MessageSid, and sends them in order.
-- Arguments (after wrk's "--"): file threads [from [to]]. from and to ("n1,n2,...", one per thread, or "-") keep each
-- thread to lines from+1..to of its slice: a run that continues where the last stopped (from = what it sent), or the
-- duplicate run, cycling over what the earlier runs delivered (to).
-- Run from bench/wrk (report.lua is loaded relative to it).
dofile("report.lua")

local threads = {}

function setup(thread)
	thread:set("id", #threads)
	table.insert(threads, thread)
end

local function nth(list, n)
	if not list or list == "-" then
		return nil
	end
	local i = 0
	for value in list:gmatch("%d+") do
		if i == n then
			return tonumber(value)
		end
		i = i + 1
	end
end

function init(args)
	file, count = args[1], tonumber(args[2])
	from, to = nth(args[3], id) or 0, nth(args[4], id)
	headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
	next_line, sent, wrapped = 0, 0, 0
	-- wrk calls thread 0's request() once, before any thread starts, to check what it returns: that one is not sent
	checking = id == 0
end

-- Reads this thread's slice. Not in init(): wrk calls each thread's init() from its main thread just before starting
-- that thread, so thread 1 would still be loading (about a second for 60 s of requests) while thread 0 already sent,
-- outside the duration wrk measures. Here each thread loads in itself, at its first request (thread 0 at the check).
local function load()
	signatures, bodies = {}, {}
	local line, mine = 0, 0
	for text in io.lines(file) do
		if line % count == id then
			mine = mine + 1
			if to and mine > to then
				break
			end
			if mine > from then
				local tab = text:find("\t", 1, true)
				table.insert(signatures, text:sub(1, tab - 1))
				table.insert(bodies, text:sub(tab + 1))
			end
		end
		line = line + 1
	end
end

function request()
	if file and not bodies then
		load()
	end
	if not bodies or #bodies == 0 then
		-- a thread whose slice is empty
		return wrk.format()
	end
	if checking then
		checking = false
		headers["X-Twilio-Signature"] = signatures[1]
		return wrk.format("POST", wrk.path, headers, bodies[1])
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
