-- wrk's result as one line for bench/InboundLoad.java to read (latencies in microseconds). wrk counts only statuses
-- above 399 as errors; socket errors (connect, read, write, timeout) are added up. A script that sets `extra` (a
-- function returning text) appends it, e.g. what each thread sent.
function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("wrk-result requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d "
		.. "status_errors=%d socket_errors=%d%s\n", summary.requests, summary.duration, latency:percentile(50),
		latency:percentile(99), latency:percentile(99.9), latency.max, e.status,
		e.connect + e.read + e.write + e.timeout, extra and (" " .. extra()) or ""))
end
