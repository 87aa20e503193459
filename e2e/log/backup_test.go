package log

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"

	"github.com/aivc/aivc/cliplog"
	"github.com/aivc/aivc/e2e"
	"github.com/aivc/aivc/pricing"
)

// A backup's trust, as a person sees it on /log: the reminder at the top
// ("Last backed up …") and the summary of a restore. Each test starts on
// the frozen day, 2025-03-01, the day of the backups it restores.

const (
	reminderJS = `document.getElementById("log-last-export").textContent`
	statusJS   = `document.getElementById("log-status").textContent`
)

// ownProfile is a person's own platform profile as /profiles stores it
// (one plan at monthly dollars, one model, model-1, priced per clip).
func ownProfile(t *testing.T, id, name, monthly string) pricing.Profile {
	t.Helper()
	p, err := pricing.DecodeProfile([]byte(`{"id":"` + id + `","name":"` + name + `","platform":"` + name + `",
		"kind":"credits","currency":"USD","url":"","custom":true,
		"plans":[{"id":"plan-1","name":"My plan","monthly":"` + monthly + `","credits":"3000","source":{"url":"","read":"","evidence":""}}],
		"models":[{"id":"model-1","name":"My model","tier":"standard","durations":{"list":[5]},
			"rates":[{"res":"720p","per_clip":"50"}],"source":{"url":"","read":"","evidence":""}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	p.Custom = true
	return p
}

// stored is p as /profiles stores it, under its key.
func stored(t *testing.T, ps ...pricing.Profile) map[string]string {
	t.Helper()
	kv := map[string]string{}
	for _, p := range ps {
		v, err := cliplog.EncodeProfile(p)
		if err != nil {
			t.Fatal(err)
		}
		kv[cliplog.ProfileKey(p.ID)] = v
	}
	return kv
}

// otherDeviceBackup is the backup another device made on 2025-03-01 of its
// profiles ps and one clip on each, as the app writes it.
func otherDeviceBackup(t *testing.T, ps ...pricing.Profile) string {
	t.Helper()
	s := cliplog.NewMemStore()
	for k, v := range stored(t, ps...) {
		if err := s.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	l, _, err := cliplog.Open(s)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range ps {
		e := cliplog.Entry{ID: "clip-" + p.ID, Date: "2025-02-2" + string(rune('0'+i)), ProfileID: p.ID, ProfileName: p.Name, PlanID: "plan-1",
			ModelID: "model-1", ModelName: "My model", Res: pricing.Res720p,
			Seconds: decimal.RequireFromString("5"), Credits: decimal.RequireFromString("50"),
			PricePerCredit: pricing.NewMoney(decimal.RequireFromString("0.01"), pricing.USD), Kept: true,
			Created: "2025-02-2" + string(rune('0'+i)) + "T10:00:00Z"}.Derive()
		if _, err := l.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	if err := l.ExportJSON(&b, "2025-03-01T09:00:00Z"); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// newDevice opens /log on the frozen day, downloads captured, with the
// storage holding kv (a device's own profiles) and nothing else.
func newDevice(t *testing.T, kv map[string]string) *e2e.Tab {
	t.Helper()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	for _, src := range []string{frozenClock, e2e.CaptureDownloads} {
		e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	}
	tb.Open("/log")
	if len(kv) > 0 {
		e2e.Seed(tb, kv)
		tb.Do("reloading", chromedp.Reload())
		tb.WaitReady()
	}
	return tb
}

// TestBackupHoldsThisDevice: the reminder says the device is backed up
// only by a backup that holds everything it has, its own profiles too.
// A device with profiles and no clips said nothing (now "Never backed
// up."); the backup's status counted the clips alone ("Backed up 1
// clip"); and a backup lacking a profile saved here, restored, made the
// reminder say "Last backed up", though the profile was in no file.
func TestBackupHoldsThisDevice(t *testing.T) {
	t.Parallel()
	studio := ownProfile(t, "studio", "Studio", "45")
	tb := newDevice(t, stored(t, studio))
	tb.WaitFor("the reminder of a device with a profile and no clips", reminderJS+` === "Never backed up."`, 10*time.Second)

	e2e.SaveClip(tb, "log-save")
	backup, name := e2e.LastDownload(tb, "log-export-json")
	tb.WaitFor("the backup's status", statusJS+` === "Backed up 1 clip and 1 platform profile to `+name+`."`, 10*time.Second)
	tb.WaitFor("the reminder after the backup", reminderJS+` === "Last backed up 2025-03-01."`, 10*time.Second)
	if !strings.Contains(backup, `{"id":"studio",`) {
		t.Fatalf("the backup does not hold the profile:\n%s", backup)
	}

	// The same backup without the profile, restored where it is saved:
	// the clips are all in it, the profile not.
	noProfile := regexp.MustCompile(`(?s)"profiles": \[.*?\n  \]`).ReplaceAllString(backup, `"profiles": []`)
	if noProfile == backup {
		t.Fatalf("no profiles to take out of:\n%s", backup)
	}
	e2e.Eval[bool](tb, `(() => { for (const k of Object.keys(localStorage)) if (!k.startsWith("aivc.profiles.")) localStorage.removeItem(k); return true; })()`)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	tb.WaitFor("no clips", `document.querySelectorAll("#log-table tr[data-entry-id]").length === 0`, 10*time.Second)
	e2e.Upload(tb, "without-profile.json", noProfile)
	tb.WaitFor("the restore's summary", statusJS+`.startsWith("Read without-profile.json as a JSON backup. Imported 1 clip")`, 10*time.Second)
	if got := e2e.Eval[string](tb, statusJS); strings.Contains(got, "everything in your log is in this backup") {
		t.Errorf("a backup without this device's profile is said to hold everything: %q", got)
	}
	if got := e2e.Eval[string](tb, reminderJS); got != "Never backed up." {
		t.Errorf("after restoring a backup without this device's profile, the reminder says %q", got)
	}

	// The whole backup, restored on a new device: it holds everything.
	e2e.Eval[bool](tb, `localStorage.clear(), true`)
	tb.Open("/log")
	e2e.Upload(tb, "backup.json", backup)
	tb.WaitFor("the restore's summary", statusJS+`.includes("everything in your log is in this backup, of 2025-03-01")`, 10*time.Second)
	tb.WaitFor("the reminder", reminderJS+` === "Last backed up 2025-03-01."`, 10*time.Second)
	tb.AssertNoErrors()
}

// TestBackupProfileConflicts: a backup whose profile has the id of
// another profile of this device's: both are kept, the backup's added
// beside under a free id and a numbered name, with its clip on it, and
// the summary says so. It was dropped ("kept, not the backup's"), and its
// clip named the device's profile, priced otherwise. Restored again,
// nothing more is added.
func TestBackupProfileConflicts(t *testing.T) {
	t.Parallel()
	theirs := ownProfile(t, "studio", "Studio", "30")
	mine := ownProfile(t, "studio", "Studio", "45")
	backup := otherDeviceBackup(t, theirs)
	tb := newDevice(t, stored(t, mine))

	e2e.Upload(tb, "backup.json", backup)
	want := "Read backup.json as a JSON backup. Imported 1 clip; 1 platform profile added; the backup's platform profile “Studio” differs " +
		"from yours with its id (studio), so both are kept: the backup's is “Studio (2)” (studio-custom) here, with the backup's clips and plan on it."
	tb.WaitFor("the restore's summary", statusJS+` === `+e2e.JSString(want), 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); !slices.Equal(keys, []string{"aivc.profiles.v1.studio", "aivc.profiles.v1.studio-custom"}) {
		t.Errorf("profiles stored: %v", keys)
	}
	here := e2e.Eval[string](tb, `localStorage.getItem("aivc.profiles.v1.studio")`)
	beside := e2e.Eval[string](tb, `localStorage.getItem("aivc.profiles.v1.studio-custom") || ""`)
	if !strings.Contains(here, `"monthly":"45"`) || !strings.Contains(beside, `"monthly":"30"`) || !strings.Contains(beside, `"name":"Studio (2)","platform":"Studio (2)"`) {
		t.Errorf("the device's profile:\n%s\nthe backup's:\n%s", here, beside)
	}
	// The clip names the backup's profile, by its new name.
	tb.WaitFor("the clip on the backup's profile", `[...document.querySelectorAll("#log-table tr[data-entry-id]")].some((r) => r.textContent.includes("Studio (2) · My model"))`, 10*time.Second)
	if got := e2e.Eval[string](tb, reminderJS); got != "Never backed up." {
		t.Errorf("the device's own Studio is in no backup, yet the reminder says %q", got)
	}

	e2e.Upload(tb, "again.json", backup)
	tb.WaitFor("the second restore's summary", statusJS+`.startsWith("Read again.json as a JSON backup. Imported 0 clips; 1 clip was already in your log")`, 10*time.Second)
	if got := e2e.Eval[string](tb, statusJS); !strings.Contains(got, "1 platform profile was already here") || strings.Contains(got, "added") {
		t.Errorf("the second restore: %q", got)
	}
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); len(keys) != 2 {
		t.Errorf("profiles after a second restore: %v", keys)
	}
	tb.AssertNoErrors()
}

// TestCompareLinkRestoredProfile: a /compare address made on the device
// whose backup was restored here names its Studio by the id it had there
// (platforms=studio), which this device's own Studio holds; the backup's
// is studio-custom here. With this device's Studio the link ranks it and
// the filter says the copy beside it is not in the link; without, the
// filter's message names the copy (it said "not in the list; pick one of
// the choices"), and checking it ranks it.
func TestCompareLinkRestoredProfile(t *testing.T) {
	t.Parallel()
	theirs := ownProfile(t, "studio", "Studio", "30")
	mine := ownProfile(t, "studio", "Studio", "45")
	tb := newDevice(t, stored(t, mine))
	e2e.Upload(tb, "backup.json", otherDeviceBackup(t, theirs))
	tb.WaitFor("the restore's summary", statusJS+`.includes("the backup's is “Studio (2)” (studio-custom) here")`, 10*time.Second)

	const link = "/compare#takes=1&platforms=studio"
	tb.Open(link)
	e2e.WaitRanking(tb, "this device's Studio", []e2e.RankedRow{{Model: "studio/model-1", Cost: "0.15"}})
	note := "“studio” is Studio (custom) on this device; “Studio (2) (custom)” (studio-custom), restored or imported beside it " +
		"with that id, is not in the link: check it to compare it too."
	tb.WaitFor("the filter's note", `document.getElementById("f-platforms-note").textContent === `+e2e.JSString(note), 5*time.Second)
	if !e2e.Eval[bool](tb, `document.getElementById("f-platforms-note").checkVisibility() && document.querySelector(".cmp-platforms").getAttribute("aria-describedby").includes("f-platforms-note")`) {
		t.Error("the note is not shown, or not read with the filter")
	}

	e2e.Eval[bool](tb, `localStorage.removeItem("aivc.profiles.v1.studio"), true`)
	tb.Do("reloading", chromedp.Reload())
	tb.WaitReady()
	msg := "Platforms “studio” is not on this device; a profile restored or imported with that id is here as " +
		"“Studio (2) (custom)” (studio-custom): check it to compare it."
	tb.WaitFor("the filter's message", `document.getElementById("f-platforms-msg").textContent === `+e2e.JSString(msg), 5*time.Second)
	if !e2e.Eval[bool](tb, `document.getElementById("f-platforms-msg").checkVisibility()`) {
		t.Error("the filter's message is not shown")
	}
	if h := e2e.Hash(tb); !strings.Contains(h, "platforms=studio") {
		t.Errorf("the address lost the link's platform: #%s", h)
	}
	tb.Do("opening the filter", chromedp.Click(chromedp.ID("cmp-filter-summary")))
	tb.Do("checking the copy", chromedp.Click(chromedp.ID("f-platforms-studio-custom")))
	e2e.WaitRanking(tb, "the backup's Studio", []e2e.RankedRow{{Model: "studio-custom/model-1", Cost: "0.1"}})
	tb.WaitFor("no message", `document.getElementById("f-platforms-msg").textContent === ""`, 5*time.Second)
	tb.AssertNoErrors()
}

// TestLogRestoreOwnProfiles: a device that holds only profiles of one's
// own (made on /profiles, no clip yet) says it was never backed up (it
// said nothing); restoring the backup that holds them, with its clips,
// adds no copy, makes the reminder follow that backup, and the clips
// name the profiles, which the form offers.
func TestLogRestoreOwnProfiles(t *testing.T) {
	t.Parallel()
	studio, night := ownProfile(t, "studio", "Studio", "45"), ownProfile(t, "night-shift", "Night shift", "12")
	backup := otherDeviceBackup(t, studio, night)
	tb := newDevice(t, stored(t, studio, night))
	tb.WaitFor("the reminder", reminderJS+` === "Never backed up."`, 10*time.Second)

	e2e.Upload(tb, "backup.json", backup)
	want := "Read backup.json as a JSON backup. Imported 2 clips; 2 platform profiles were already here; " +
		"everything in your log is in this backup, of 2025-03-01."
	tb.WaitFor("the restore's summary", statusJS+` === `+e2e.JSString(want), 10*time.Second)
	tb.WaitFor("the reminder to follow the backup", reminderJS+` === "Last backed up 2025-03-01."`, 10*time.Second)
	if keys := e2e.Eval[[]string](tb, e2e.CustomKeysJS); len(keys) != 2 {
		t.Errorf("profiles after the restore: %v", keys)
	}
	rows := e2e.Eval[string](tb, `document.getElementById("log-table").textContent`)
	if !strings.Contains(rows, "Studio · My model") || !strings.Contains(rows, "Night shift · My model") {
		t.Errorf("the clips do not name their profiles:\n%s", rows)
	}
	e2e.Pick(tb, "f-profile", "night-shift")
	tb.AssertNoErrors()
}
