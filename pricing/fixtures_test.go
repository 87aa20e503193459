package pricing

import "testing"

// Test profiles, in the catalog's JSON. studio is a credit platform with
// every kind of plan; cloud a pay-as-you-go API; euro bills in EUR.
const (
	studioJSON = `{"id":"studio","name":"Studio (app)","platform":"Studio","kind":"credits","currency":"USD",
	"url":"https://studio.example/pricing",
	"plans":[
		{"id":"std","name":"Standard","monthly":"15","yearly_per_month":"12","credits":"625","max_res":"1080p",
		 "promo":{"bonus_percent":"50","bonus_cap":"200","source":{"url":"https://studio.example/promo","read":"2026-09-01","evidence":"secondary"}},
		 "source":{"url":"https://studio.example/pricing","read":"2026-10-01","evidence":"official"}},
		{"id":"pro","name":"Pro","monthly":"35","yearly":"336","credits":"2250",
		 "source":{"url":"https://studio.example/pricing","read":"2026-10-01","evidence":"official"}},
		{"id":"max","name":"Max","yearly_per_month":"76","credits":"9500",
		 "source":{"url":"https://studio.example/pricing","read":"2026-10-01","evidence":"official"}}],
	"packs":[
		{"id":"topup","name":"1,000 credits","price":"10","credits":"1000","requires_plan":true,"valid_days":365,
		 "source":{"url":"https://studio.example/credits","read":"2026-10-01","evidence":"official"}},
		{"id":"starter","name":"Starter pack","price":"5","credits":"300","valid_days":30,
		 "source":{"url":"https://studio.example/credits","read":"2026-10-01","evidence":"official"}}],
	"free":{"credits":"125","period":"once","source":{"url":"https://studio.example/free","read":"2026-10-01","evidence":"official"}},
	"models":[
		{"id":"turbo","name":"Turbo","tier":"fast","durations":{"min":2,"max":10},
		 "rates":[{"res":"720p","per_second":"5"}],"multipliers":[{"res":"1080p","factor":"2"}],
		 "source":{"url":"https://studio.example/models","read":"2026-10-01","evidence":"official"}},
		{"id":"gen","name":"Gen","tier":"standard","durations":{"list":[5,10]},
		 "rates":[{"res":"720p","per_second":"12"},{"res":"1080p","per_second":"12"},{"res":"4k","per_second":"24"}],
		 "plans":["pro","max"],
		 "source":{"url":"https://studio.example/models","read":"2025-01-15","evidence":"secondary"}},
		{"id":"ultra","name":"Ultra","tier":"premium","audio":"included","durations":{"list":[8]},
		 "rates":[{"res":"1080p","per_clip":"300"},{"res":"4k","per_clip":"600"}],
		 "source":{"url":"https://studio.example/models","read":"2026-10-01","evidence":"official"}},
		{"id":"secret","name":"Secret","tier":"standard","durations":{"list":[5]},"rates":[],
		 "source":{"url":"https://studio.example/models","read":"2026-10-01","evidence":"official"}}]}`

	cloudJSON = `{"id":"cloud","name":"Cloud API","platform":"Cloud","kind":"api","currency":"USD",
	"url":"https://cloud.example/pricing",
	"models":[
		{"id":"veo","name":"Veo","tier":"premium","audio":"included","durations":{"list":[4,6,8]},
		 "rates":[{"res":"720p","per_second":"0.40"},{"res":"1080p","per_second":"0.40"},{"res":"4k","per_second":"0.60"}],
		 "source":{"url":"https://cloud.example/pricing","read":"2026-09-11","evidence":"secondary"}},
		{"id":"veo-fast","name":"Veo Fast","tier":"fast","audio":"included","durations":{"list":[4,6,8]},
		 "rates":[{"res":"720p","per_second":"0.10"},{"res":"1080p","per_second":"0.12"}],
		 "source":{"url":"https://cloud.example/pricing","read":"2026-09-11","evidence":"secondary"}}]}`

	euroJSON = `{"id":"euro","name":"Euro","platform":"Euro","kind":"credits","currency":"EUR",
	"url":"https://euro.example/pricing",
	"plans":[{"id":"basic","name":"Basic","monthly":"10","credits":"1000",
		"source":{"url":"https://euro.example/pricing","read":"2026-10-01","evidence":"official"}}],
	"free":{"credits":"20","period":"day","max_res":"720p","source":{"url":"https://euro.example/free","read":"2026-10-01","evidence":"official"}},
	"models":[{"id":"wan","name":"Wan","tier":"fast","durations":{"list":[5,10]},
		"rates":[{"res":"720p","buckets":[{"seconds":5,"units":"10"},{"seconds":10,"units":"20"}]},
		         {"res":"1080p","buckets":[{"seconds":5,"units":"20"},{"seconds":10,"units":"40"}]}],
		"source":{"url":"https://euro.example/models","read":"2026-10-01","evidence":"official"}}]}`
)

func fixtures(t testing.TB) []Profile {
	t.Helper()
	return []Profile{profile(t, cloudJSON), profile(t, euroJSON), profile(t, studioJSON)}
}
