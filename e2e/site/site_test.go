package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aivc/aivc/e2e"

	aivc "github.com/aivc/aivc/app"
	"github.com/aivc/aivc/internal/site"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Size of app.wasm, in decimal megabytes (10^6 bytes). budget* is issue 8's
// budget (a bare go-app page is 6.90 MB raw, 1.88 MB gzip -9); the product
// is not within it yet, so the test holds a ceiling (ceil*) just above the
// size measured when it was last lowered: app.wasm may shrink, never grow
// unnoticed. Lower the ceiling when the app shrinks; it meets the budget
// when ceil* ≤ budget*. Last lowered at 9,723,378 raw and 2,557,225 gzip -9
// (go1.26.8). Raised once, on 2026-11-26, from 9.75 MB raw for
// cliplog.MeasuredKey and the app's own reading of localStorage (+7.7 KB
// raw, +1.9 KB gzip -9, app.wasm then 9,757,418 and 2,564,387): with a log
// of 20,000 clips /compare took over in 0.66–0.81 s instead of 4.6–6.0 s
// (docs/performance.md, "What was done"). Raised again on 2026-11-26 (session 10) for
// faults a person meets, each fix costing what it costs in Go's wasm code:
// a deleted custom profile's plan no longer passes to the next profile
// given its id (+3.6 KB raw, app.wasm then 9,763,221 and 2,569,581); Billing
// offers only the ways a plan is sold (+6.1 KB raw, +1.5 KB gzip -9: then
// 9,769,344 and 2,571,054); the nav carries each page's last state (+0.8 KB
// raw: 9,770,186 and 2,571,348); the calculator prices add-ons, such as Veo
// 3's audio, which it left out without a word (+10.5 KB raw, +2.0 KB gzip
// -9: 9,780,726 and 2,573,371); links carry the measured generations per
// kept clip a page counts (+2.3 KB raw: 9,783,017 and 2,574,022); /log's
// CSV export holds the clips the filters show (+1.7 KB raw: 9,784,581 and
// 2,574,751); the calculator says when the clips need more credits than the
// plan gives in a month (+2.6 KB raw, +0.9 KB gzip -9: 9,787,140 and
// 2,575,671); the profile editor keeps the focus after Add, Remove, Save
// and Cancel (+4.0 KB raw, +0.7 KB gzip -9: 9,791,179 and 2,576,418);
// /compare's caption follows its sort, and a sort or Show all is said and
// moves the focus sensibly (+5.3 KB raw, +1.2 KB gzip -9, with the live
// region before it: 9,796,850 and 2,577,622); /log's Log clip moves the
// focus to a bad field and confirms each clip (+0.9 KB raw: 9,797,764 and
// 2,578,074); its import errors are a list tied to the file field (+0.9 KB
// raw: 9,798,625 and 2,578,276); links, Working and regions named apart
// (+1.8 KB raw: 9,800,425 and 2,578,733); /log keeps a half-typed clip
// through a visit elsewhere and a reload (+4.6 KB raw, +1.0 KB gzip -9:
// 9,805,023 and 2,579,716); the embed reads no storage (+0.4 KB raw:
// 9,805,466 and 2,579,776); an imported copy is named apart (+2.4 KB raw,
// +0.7 KB gzip -9: 9,807,913 and 2,580,473); /plan's counts and the
// editor's messages read as sentences (9,808,020 and 2,580,838); the editor
// keeps a model's only resolution (+1.6 KB raw: 9,809,606 and 2,580,210);
// the framed ranking has no Share & embed (+1.3 KB raw, +1.2 KB gzip -9:
// 9,810,883 and 2,581,422); the calculator starts from the plan saved in
// /log, /plan keeps row names as typed, and /log's pay-as-you-go clips lose
// a working that said nothing (+3.6 KB raw: 9,814,470 and 2,580,715);
// tables named by captions (+2.2 KB raw: 9,816,651 and 2,581,439); the
// editor's messages in its fields' words (+1.1 KB raw: 9,817,709 and
// 2,581,746); /plan names the row no platform makes (+0.9 KB raw:
// 9,818,597 and 2,582,061); /log's draft comes back pick by pick (+1.0 KB
// raw: 9,819,552 and 2,582,167); a calculator pick drops add-ons and
// billing the new choice has not (+2.6 KB raw: 9,822,190 and 2,582,458);
// the measured figure in the shared link, not the address (9,822,556 and
// 2,582,582); the filtered CSV named apart, none of nothing (+1.4 KB raw:
// 9,823,918 and 2,582,591); the nav's remembered states follow a saved
// plan and a deleted profile (+2.5 KB raw: 9,826,394 and 2,583,269); the
// calculator's over-credits note links its clips to /plan (+3.2 KB raw,
// +0.8 KB gzip -9: 9,829,597 and 2,584,116); an add-on priced at nothing
// is no box (+1.1 KB raw: 9,830,652 and 2,583,927); /plan's link carries
// the log's measure as a measure, "~2", that a reload does not freeze
// (+2.7 KB raw: 9,833,367 and 2,584,727); rows of data have row headers
// (+1.2 KB raw: 9,834,567 and 2,584,790); /log imports its own CSV saved
// by a spreadsheet, ids taken out or not, as the clips already saved, and
// reads "0,024" as 0.024 (+6.3 KB raw, +2.0 KB gzip -9: 9,840,835 and
// 2,586,769); and a spreadsheet's file with semicolons and decimal commas
// (+2.8 KB raw, +1.2 KB gzip -9: 9,843,613 and 2,587,919); /log's form
// counts a model's add-ons, such as Veo 3's audio, in the clip's credits
// (+7.5 KB raw, +2.4 KB gzip -9: 9,851,107 and 2,590,330); /log's exchange
// rates say they are the app's (+1.0 KB raw: 9,852,090 and 2,590,440);
// Delete buttons named by their rows, and Undo focused after a profile's
// Delete (9,852,425 and 2,590,601); an import says which clips name a
// platform or model the app does not know, and which spreadsheet row a
// problem is on (+7.7 KB raw, +2.8 KB gzip -9: 9,860,081 and 2,593,423);
// /log replaces saved clips with a file's corrected version, and puts them
// back (+14.4 KB raw, +3.8 KB gzip -9, 3 KB of it cliplog's Update, unused
// until then: 9,874,526 and 2,597,185); /log says its rows are rounded
// and its totals exact (9,875,120 and 2,597,584); the break-even's factor
// is of the seconds it says (9,876,046 and 2,597,583); the nav's states
// kept through a reload (+6.8 KB raw, +1.3 KB gzip -9: 9,882,867 and
// 2,598,920). Then lowered by eight changes for size (docs/performance.md, "What was
// done"): 9,822,345 and 2,583,211; the editor's new rate takes the next
// resolution up (+2.6 KB raw, +1.4 KB gzip -9: 9,824,913 and 2,584,612);
// /log's cost per kept clip (9,825,625 and 2,584,749); a filtered CSV
// named for its client (+2.8 KB raw: 9,828,389 and 2,585,244); "1e12" told
// to be written out, not that it is no number (+2.9 KB raw: 9,831,314 and
// 2,584,961); the update banner's Later (+2.4 KB raw, +1.2 KB gzip -9:
// 9,833,736 and 2,586,159); the framed calculator's summary first in its
// form (+0.7 KB raw: 9,834,453 and 2,586,436); /log's filters in its
// address (+7.5 KB raw, +1.7 KB gzip -9: 9,841,930 and 2,588,138). Lowered
// by cliplog's own CSV reader, in place of encoding/csv's (−23 KB raw,
// −5.7 KB gzip -9: 9,818,767 and 2,582,431). Then helper 26's findings:
// handlers scoped by name, Put back and Replace, the nav's emptied states,
// 15-digit prices, a typed "~2" on /plan, the focus after Later (+9.8 KB
// raw, +2.2 KB gzip -9: 9,828,543 and 2,584,651); a cost of 16 digits
// refused where it is made (9,828,984 and 2,584,691); the import's summary
// names spreadsheet rows (9,829,538 and 2,583,977); /log's spend per client
// (+2.2 KB raw: 9,831,760 and 2,584,016); /log's Edit, a clip corrected in
// place (+27.8 KB raw, +8.4 KB gzip -9: 9,859,531 and 2,592,397);
// /compare's address leaves the log's measured takes out (+1.4 KB raw:
// 9,860,898 and 2,591,725); an edited clip's add-on boxes ticked as it was
// logged (+2.3 KB raw, +1.0 KB gzip -9: 9,863,185 and 2,592,747); an edit
// keeps a resolution the model no longer offers, Undo of an edit no longer
// overwrites another tab's change, and a clip deleted mid-edit is priced as
// it will be saved (+4.1 KB raw, +1.4 KB gzip -9: 9,867,295 and 2,594,159);
// an edit kept through a reload, merged with a change made elsewhere, and
// not dropped without a word by another Edit (+16.4 KB raw, +4.8 KB gzip
// -9: 9,883,683 and 2,598,912). Lowered by helper 27's five changes for
// size: plain ifs and loops for app.If and app.Range, elements built by
// elem and textElem on /compare, the share section, charts and the embed,
// Attr for go-app's Aria, DataSet, Role and Spellcheck, strings.Split for
// SplitSeq (−108 KB raw, −17.4 KB gzip -9: 9,775,649 and 2,581,488);
// cliplog's Update refuses to write over another tab's change or deletion
// (+5.4 KB raw: 9,781,058 and 2,582,355). Then a number typed with a comma
// on /plan ("1,200" clips) kept one field of its row in the link (+1.9 KB
// raw: 9,782,961 and 2,582,328); the profile editor refuses "€20" as a
// USD price, as the calculator does (+4.0 KB raw: 9,786,990 and 2,582,577);
// /plan's working counts "1 clip" and "1,200 clips" (9,787,028 and
// 2,582,597); the nav's calculator and /compare follow a custom profile
// renamed or deleted on /profiles (+4.8 KB raw, +1.0 KB gzip -9: 9,791,852
// and 2,583,642); the profile editor keeps what was typed elsewhere when an
// item is removed (+1.8 KB raw: 9,792,285 and 2,583,321); the calculator's
// first-month bonus stays open while it is cleared to type another (+2.5 KB
// raw, +1.2 KB gzip -9: 9,794,788 and 2,584,479); /compare's status beside
// the table cleared when the ranking changes (9,794,847 and 2,584,489);
// "Show the first 20 only" brings its button back into sight (+1.5 KB raw:
// 9,796,307 and 2,583,704). Then each page renders once as the app starts,
// not twice (+1.8 KB raw: 9,798,664 and 2,584,809). Then helper 32's four
// fixes (each measured on its own, before the change above): the
// calculator's links to /compare and /plan keep its billing and currency
// (+2.1 KB raw); the calculator on a profile of one's own shares its
// numbers, not a profile no other device has (+2.6 KB raw, +1.1 KB gzip -9);
// /compare's share leaves out the platforms of one's own (+1.6 KB raw);
// /compare and /plan convert at the exchange rates typed on /log (+3.4 KB
// raw, +1.3 KB gzip -9). Together: 9,808,453 and 2,586,154. /profiles
// builds its profiles' details after it starts, and its page's other
// changes no longer build them again (+9.5 KB raw, +2.3 KB gzip -9, a
// component: 9,817,932 and 2,588,465). Then helper 31's fixes (each measured
// on its own, before this session's other changes): generations per kept
// clip at most 1,000 on every page, and a clip log's measure held within it
// (+2.4 KB raw); /compare's list of who cannot make the shot says nothing
// without a ranking (+0.4 KB raw); costs multiplied before they are divided,
// so that an exact cost stays exact in the CSV (+4.2 KB raw). Together:
// 9,824,831 and 2,590,948. Then helper 33's fixes (each measured after the
// one before): Remove plan on /log sends the nav's calculator back to its
// default plan (+0.9 KB raw); /compare's free tiers say nothing without a
// ranking (+0.3 KB raw); the pages price with the clip log's measured
// generations per kept clip as the log divides them, shown rounded (+2.7
// KB raw, +1.0 KB gzip -9); /plan's address carries the clip log's
// exchange rate (+2.5 KB raw, +0.9 KB gzip -9). Together: 9,831,264 and
// 2,592,351. Then helper 34's fixes: /profiles keeps a profile's details
// open under its own card when a profile of one's own is added or removed
// above it (+3.6 KB raw: 9,834,873 and 2,592,200); /plan converts at the
// clip log's rate once it is typed back to the bundled one, not at the one
// it had put in its address before (-0.2 KB raw, +0.8 KB gzip -9:
// 9,834,662 and 2,593,006); building a profile's details no longer sets
// their open state, which could close one just clicked open (+0.2 KB raw:
// 9,834,856 and 2,592,207). The bonus' toggle draws nothing (9,834,914 and
// 2,593,186); each profile's summary names its profile for screen readers
// (+0.9 KB raw: 9,835,856 and 2,593,648). Then helper 36's fixes: Export
// JSON leaves a profile's details open, its button says it shows the JSON
// (+0.9 KB raw: 9,836,777 and 2,593,964); the person's own profiles built
// with the page, for a printout (9,836,797 and 2,593,970); the editor's
// messages in the form's words, not the JSON's paths (+6.8 KB raw, +1.2 KB
// gzip -9: 9,843,582 and 2,595,120); an export shown follows the profile's
// edits, and a pasted profile leaves its box once imported (9,843,737 and
// 2,595,946). Then helper 35's fixes to the values pages hand each other:
// a clip log's measured takes travel as its counts ("7/3", +5.7 KB raw,
// +0.8 KB gzip -9); a profile of one's own is shared as its plan's price,
// credits, bonus and billed length (+6.5 KB raw, +2.0 KB gzip -9);
// /compare and /plan read a link's rate by one rule and say which rate
// they used (+7.3 KB raw, +1.9 KB gzip -9). Together: 9,855,382 and
// 2,598,295 alone; with helper 36's, 9,863,242 and 2,599,854. Then helper
// 37's audit of the catalog against the research: notes that say where a
// price fills a gap (Wan's 16 fps, Runway's 1,000-credit top-ups, Aleph's
// 5 s, Kling's API packs, Pika's and Kling's top-ups only with a plan),
// embedded in catalog.min.json, and /plan saying it counts no free
// credits (+1.6 KB raw alone; with helpers 35 and 36's: 9,864,798 and
// 2,600,592). /compare's note that the calculator shows a platform in its
// own currency (9,864,853 and 2,600,597). Then helper 39's /log fixes: an
// import trims the client, project and platform it groups by (+1.1 KB
// raw), refuses a CSV that is not UTF-8 in one sentence saying what to do
// (+5.0 KB raw), takes a backup's rates where only the display currency was
// picked (+3.8 KB raw, +1.5 KB gzip -9), and the page asks the rate of
// every currency the clips are in (+7.4 KB raw, +2.4 KB gzip -9).
// Together: 9,860,952 and 2,600,096 alone; with the above, 9,881,981 and
// 2,603,635. One await for the browser's promises in place of three copies
// (-7.1 KB raw: 9,874,913 and 2,602,921); /log says whether the browser may
// clear the log, and asks it to keep it (+9.3 KB raw, +1.0 KB gzip -9:
// 9,884,244 and 2,603,964); a takes field typed as a log's counts, "7/3",
// shows "~2.33" beside it (+1.6 KB raw: 9,885,860 and 2,603,408); Luma's
// upscale named for both its steps, in the embedded catalog (9,886,144 and
// 2,603,508). Then helper 40's: the JSON backup carries the person's own
// platform profiles and a restore brings them back, never over the
// device's own (+25.6 KB raw, +4.5 KB gzip -9: 9,907,616 and 2,608,146
// alone; with the above, 9,911,662 and 2,608,902). Then helper 38's: the
// ranking's embed snippet names its frame a comparison (+1.0 KB raw, +0.4
// KB gzip -9 alone; with the above, 9,912,718 and 2,609,225). Then helper
// 42's: the embed's document is titled for the ranking when it shows it
// (+669 B raw, +224 B gzip -9: 9,913,387 and 2,609,449). Then helper
// 45's: /profiles' editor words every broken rule in the form's words
// beside the field that broke it, and an export shown follows its profile
// to a new id (+15.3 KB raw, +5.3 KB gzip -9: 9,928,665 and 2,614,784).
// Then helper 43's /log fixes: the CSV guards a formula after a ';' or a
// tab in a cell; each tab keeps its own half-typed clip; a backup's
// profile with a bundled id restored under a free one, with its clips,
// and a left-out profile's problem in the form's words (+19.0 KB raw,
// +7.6 KB gzip -9: 9,947,593 and 2,622,339). Then helper 44's: /plan's
// link escapes a typed comma once, "1%2C200"; /plan's working states how
// a platform's dollars become the month's euros (+7.5 KB raw, +2.2 KB
// gzip -9: 9,955,104 and 2,624,546); a clip keeps the add-ons it was
// logged with, which /log's Edit shows as they were, in storage, the
// backup and the CSV (+12.7 KB raw, +5.9 KB gzip -9 alone; here +48.3 KB
// raw and +3.6 KB gzip -9: 10,003,448 and 2,628,118). 35.7 KB of that is
// zeros: the data section reached the Go linker's cap of 100,000 data
// segments (cmd/link/internal/wasm, writeDataSec), past which it stops
// leaving out runs of zeros, so from here raw bytes of data count whole.
// Then the ranking's CSV guarded as the log's (10,002,772 and 2,627,065);
// the generated /profiles no longer says a person has no profiles of their
// own before it has read them (+1.0 KB gzip -9: 10,002,689 and 2,628,040);
// a blank profile's id and platform follow the name typed into it (+6.0 KB
// raw, +0.7 KB gzip -9: 10,008,865 and 2,628,805); a profile half edited
// waits in its tab through a reload or a visit to another page (+13.5 KB
// raw, 2.9 KB of it zeros the linker no longer leaves out, +1.1 KB gzip
// -9: 10,022,379 and 2,629,871). Then helper 47's: the embed's ranking
// described as the ranking, and shown without the exchange rate's field
// unless a link's rate is bad (+910 B raw, -20 B gzip -9: 10,023,289 and
// 2,629,851); and helper 46's: by keyboard and screen reader on /profiles
// and /log, My plans' Remove, Show more, Discard and the editor's Cancel
// keep the focus, a refused import marks its field, Undo is described by
// what it undoes and /log's filters are named apart (+11.1 KB raw, +0.5 KB
// gzip -9 alone; merged: 10,033,751 and 2,631,171). Then the build joined
// app.wasm's data segments across short runs of zeros (internal/site
// CompactData): gzip -9 lowered by 175.7 KB, raw raised by 994 KB of zeros
// the linker had left out, each at the cost of a segment header: 11,027,571
// and 2,455,441. The same step takes the bare page from 6.95 to 7.68 MB raw
// and from 1.91 to 1.78 MB gzip -9. Then helper 48's: /plan's working
// says the exchange rate once, its break-even says where the API is
// cheaper again, and a count of clips that is no number is told to be a
// whole one (+8.7 KB raw alone; merged: 11,037,682 and 2,457,566). A
// link's currency read in any case, "cur=eur" (+429 B raw: 11,038,111 and
// 2,457,754). Helper 50's: a rate's parts, "1 USD = 0.86 EUR" and "(rate
// of 2026-11-01)", each kept on one line wherever a page says a rate (app
// rateElem; +2.1 KB raw, +1.0 KB gzip -9: 11,040,232 and 2,458,715); in
// /profiles' editor a rate's legend names its model, "Gen-4 Turbo, rate
// 2" (+1.5 KB raw, +0.3 KB gzip -9: 11,041,736 and 2,459,017); /compare's
// and /plan's statuses say which billing their cheapest is on (+542 B
// raw: 11,042,278 and 2,459,138). Helper 53's: a top-up's validity "not
// stated by the platform" (the field, /plan's "may expire", the editor's
// "Credits last") and which figure a price is where the sources give a
// range or two, said beside it on every page, with the catalog's words
// for it (+18.8 KB raw, +3.9 KB gzip -9 alone: 11,056,957 and 2,461,644).
// Helper 51's: /plan's rows with native audio, priced as /compare prices
// the shot, and its Share section (+5.4 KB raw, +1.7 KB gzip -9 alone:
// 11,043,481 and 2,459,445). The four merged: 11,070,593 and 2,464,614.
// /compare's legend says a plan's price assumes every credit of it is
// used: 11,071,207 and 2,464,763. Helper 54's: native audio audited
// against the research, the catalog's source notes saying where each
// model's audio was read, and "unpriced" audio, said by the calculator
// (+6.5 KB raw, +1.1 KB gzip -9: 11,077,724 and 2,465,900).
// Helper 57's: a plan's first months under its promotion, said by /plan's
// row and working and by /compare's billing (+9.4 KB raw, +2.2 KB gzip -9:
// 11,087,107 and 2,468,121). Helper 56's: /log's Audio box for audio no
// source prices, and /plan's Upscale on each row (+1.2 KB raw, +0.7 KB
// gzip -9 alone). Helper 55's: /plan's row fields heard with their row,
// and /compare's Markdown saying what a plan's price assumes (+744 B raw,
// +238 B gzip -9 alone). The three merged: 11,093,532 and 2,468,436.
// Helper 64's: /plan's intro price with a first-month bonus (the bonus
// month said apart), /compare's yearly price saying it is without the
// bonus, the figure notes on /compare's free tiers and on /log, and the
// catalog's notes on what its sources leave unsaid (which models Luma's
// audio and upscaling and Kling API's extension and lip sync are for;
// +6.9 KB raw, +2.0 KB gzip -9: 11,100,403 and 2,470,394).
// Helper 61's: /profiles' editor fields heard with their group, every
// <details> named, charts heard once, /compare's row links saying their
// row, "#" heard as Rank, Save and Undo (/profiles, /log) leaving the
// focus on a control (+2.5 KB raw, +1.1 KB gzip -9: 11,096,012 and
// 2,469,561 alone).
// Helper 63's /log: an Audio box for audio in a model's price, add-ons on
// a clip's row, "Log another like this" with the catalog's credits, spend
// per project split per client, the chart in the address, a typed date
// kept with the draft, a JSON type error's kind (+11.6 KB raw, +3.9 KB
// gzip -9: 11,105,160 and 2,472,359).
// Helper 60's: the words about prices, audio and credits (/plan's unused
// credits without a count of zero, what is not published naming its model
// and the box to untick, /profiles' unpriced audio said once, one in the
// singular, /plan's "cannot make" naming the one model tried; +4.5 KB
// raw, +1.0 KB gzip -9: 11,098,014 and 2,469,445). Helper 65's words and
// layout fixes (+328 B raw alone), and the share section's status under
// each copy button. All merged: 11,128,409 and 2,478,846 (the merge costs
// ~8 KB raw more than the sum of each alone).
// Helper 62's: /compare's narrow ranking sorting by platform (a second
// sort button) and /plan's rows folding their way to buy (+2.0 KB raw,
// +430 B gzip -9: 11,095,568 and 2,468,866 alone). Merged on the above:
// 11,130,449 and 2,479,518.
// /compare's parts below the screen built after the start (app/later.go;
// +11.8 KB raw, +2.7 KB gzip -9: 11,142,293 and 2,482,241).
// Helper 68's /log: CSV dates and decimal marks as a spreadsheet re-saves
// them, an import read by its content, the settings a restore took named,
// a CSV export no longer counted as a backup, Discard's focus on a heading
// (+27.6 KB raw, +5.8 KB gzip -9: 11,158,081 and 2,485,349 alone; merged
// on the above: 11,169,957 and 2,487,138).
// Helper 66's: a model's native audio that no source states said as "not
// stated by its source", not as none, and not priced with audio (/log's
// box for it; Veo 2's "none" in the catalog; +1.8 KB raw, +555 B gzip -9:
// 11,132,244 and 2,480,073 alone). Merged on the above: 11,171,229 and
// 2,487,316.
// Helper 69's: a sort back to rank order said in words (+39 B raw), each
// <details> heard once, without its aria-label (-849 B raw), and /compare's
// figure notes folded under "Which figure is used" so that Google Flow's
// rows are not 230 px tall (+1.4 KB raw): 11,131,038 and 2,479,968 alone.
// Merged on the above: 11,176,452 and 2,487,728.
// Helper 67's calculator and /plan: totals in cents (FormatTotal), the
// clips a plan's month buys, /plan's "Your platform" from the
// calculator's link (its picker, mark and sentence, ~10 KB of it), the
// share link without a row's typo (~5 KB), Billing's hint and the
// chart's legend (+31.8 KB raw, +6.8 KB gzip -9: 11,162,285 and
// 2,486,308 alone). Merged on the above: 11,204,251 and 2,494,622.
// Helper 70's: a model's native audio picked in the profile editor, with
// its extra cost typed beside it; /compare's "Cannot make this shot" a
// line a reason; its exports' models left out, with why (+33.7 KB raw,
// +8.4 KB gzip -9: 11,237,910 and 2,503,058 alone, on a72f6ec's
// 11,204,189 and 2,494,640).
// Helper 72's: /compare's Plan column folds a promotion's words (+7.2 KB
// raw, +554 B gzip -9), the calculator's link to /plan under every
// current calculation (-449 B raw), and a printout of /compare builds
// its parts below the screen at once (beforeprint; +8.1 KB raw, +1.5 KB
// gzip -9): 11,219,075 and 2,496,627.
// Helper 71's /log and imports: a CSV's created and updated times,
// dotted dates and two-digit years as spreadsheets re-save them (~14.4 KB
// raw after a loop replaced parseClock's closures and Unix seconds
// time.Time's Truncate), a restored backup counted as the last (+1.1
// KB), money spent in cents and the charts' legends (+0.4 KB), /profiles'
// import by content, saying what a non-profile is (+7.5 KB): +23.5 KB
// raw, +5.5 KB gzip -9, 11,227,863 and 2,500,120.
// Merged on the above (and early.js's two frames, no wasm): 11,276,470
// and 2,510,624.
// Helper 73's: /compare's reason of one platform or model names it, and
// /log's import says a platform profile goes to /profiles (notBackup,
// encoding/json on the refused path only): +3.2 KB raw, +0.7 KB gzip -9,
// 11,279,685 and 2,511,366.
// Helper 74's: slot, the parts that come and go while a person types kept
// in their places (the toasts' status regions, /log's corrupt records,
// editing line and Replace offer, /plan's Your platform line, the share
// note), and /log's focus kept on its row through another tab's change
// (+3.3 KB raw, +0.8 KB gzip -9, on f0488e5's 11,286,244 and 2,512,084,
// already over the ceilings below): 11,289,588 and 2,512,902.
// Helper 77's: window.aivcBeforePrint builds every part left before a
// printout, /profiles' details too (its steps now later's), /log's
// printout says it lists the newest 100 clips, and the embed's one link
// to the site (+3.8 KB raw, +1.4 KB gzip -9), 11,283,530 and 2,512,795.
// Helper 76's: a restore puts a backup's profile of a taken id beside
// the device's ("Studio (2)") and is the last backup only when it holds
// the device's own profiles (~17 KB raw), the backup's status counts
// profiles (~2 KB), and CSV dates as Hungarian and Czech spreadsheets
// write them, a two-digit year at both ends decided per column or
// refused (~15 KB): +34.1 KB raw, +6.8 KB gzip -9, 11,313,789 and
// 2,518,133.
// Helper 75's: a field's number read in its unit, another unit's mark
// refused naming the field (pricing.ParseIn, UnitError), in every page's
// fields and the log's imports; the editor's audio price "Audio" with its
// unit after it; a CSV's unit error names its column (+21.0 KB raw, +3.5
// KB gzip -9, on 8e6187a's 11,286,244 and 2,512,084, already above the
// ceiling here): 11,307,214 and 2,515,574.
// Merged on the above (with the lead's: the pages' ledes marked for
// early.js's wait, /log's rates kept as typed and in their places):
// 11,350,550 and 2,526,870.
// Helper 78's: a refusal names a platform's credits as it calls them
// (pricing.NameCredits, +5.8 KB raw, +0.6 KB gzip -9), every bad CSV cell
// names its column (+3.6 KB, +0.8 KB), "10 clips" read in a count of
// clips (+0.1 KB, +0.1 KB) (+9.6 KB raw, +1.5 KB gzip -9), 11,360,118 and
// 2,528,338.
// Helper 79's: /log's backup reminder and status count saved plans and
// every stored profile (cliplog's Log.Holds), and a numbered copy's
// platform is numbered with its name (cliplog.Rename) (+3.1 KB raw, +1.0
// KB gzip -9), 11,363,171 and 2,529,295.
// Helper 81's: /compare's filter names the copy kept here of a profile a
// link names by the id it had on the device that made it, and says a
// copy is beside the profile of that id here (cliplog.CopyID) (+5.7 KB
// raw, +1.9 KB gzip -9), 11,368,864 and 2,531,152.
// Helper 80's: an exchange rate read in its own currency only
// (pricing.ParseRate), a month's figure read as a pricing page writes it
// and another period refused (pricing.ParseInPer, PeriodError), a
// display currency and exchange rates of one's own counted as what a
// backup holds (+23.5 KB raw, +4.4 KB gzip -9), 11,386,663 and 2,533,654.
// Helper 82's: /compare's "6 s clip" and its legend, pricing's "no yearly
// price published", the plan picker's price as billed (Plan.PerMonth),
// and /log's focus on an import's result (+10.1 KB raw, +2.0 KB gzip -9),
// 11,373,292 and 2,531,251.
// Helpers 80–83 merged (83's catalog dates +0.2 KB): 11,407,315 and
// 2,536,528.
// Mine: /log keeps Seconds typed when the platform picked next makes
// clips that long (Durations.Offers) (+0.7 KB raw, +0.2 KB gzip -9),
// 11,408,052 and 2,536,731.
// Helper 89's: a rate's own currency code or symbol ("1.38 CAD", "¥150",
// pricing.ParseRate), a period's full stop ("$30/mo."), /profiles' import
// of a profile already here a no-op (cliplog.SameBut), /log's pack price
// with no period (+6.5 KB raw, +2.2 KB gzip -9), 11,414,566 and
// 2,538,887.
// Helper 90: Kling's API sold in packs (the catalog's packs, the
// calculator's and /log's pack pricing, /compare's pack note, /plan's
// validity) and fal Wan's 16 fps figure (+13.2 KB raw, +3.6 KB gzip -9),
// 11,421,285 and 2,540,303.
// Helpers 89 and 90 together: 11,431,895 and 2,542,696.
// Helper 88's: the calculator's and /plan's price sources with /compare's
// stale mark, the resolution offered, 4K as written, the tier the link to
// /compare ranks (+18.7 KB raw, +5.7 KB gzip -9): over the old ceiling by
// 17.8 KB and 5.4 KB, about 11,426,800 and 2,542,400.
// Helpers 88, 89 and 90 together: 11,450,641 and 2,546,372.
// Mine: /plan's row folded on a phone says its price's source, as the
// hidden column does (sourceText) (+5.6 KB raw, +0.7 KB gzip -9),
// 11,456,262 and 2,547,022.
// Session 26: one's own profile's Clone and edit (nameApart), /log's
// My plans with no billing beside a pack and its price per unit
// (Profile.UnitOne) (+1.8 KB raw, +0.7 KB gzip -9), 11,458,058 and
// 2,547,676.
// Session 27: a rate of "$1.38 CAD" read in Canadian dollars (dollarOf)
// (+4.1 KB raw, +0.9 KB gzip -9), 11,462,123 and 2,548,609.
// Session 28: a page's parts below the screen begin to be built after the
// page is marked ready, never before (later.begin) (+5.4 KB raw, +0.6 KB
// gzip -9), 11,467,519 and 2,549,218.
const (
	budgetWasmRaw  = 7_600_000
	budgetWasmGzip = 2_080_000
	ceilWasmRaw    = 11_468_000
	ceilWasmGzip   = 2_550_000
)

// TestWasmSize fails when app.wasm grows past its ceiling, measured with the
// standard library's gzip at level 9 (BestCompression) and raw, and prints
// both against issue 8's budget.
func TestWasmSize(t *testing.T) {
	wasm := filepath.Join(e2e.Dist, "web", "app.wasm")
	gz, err := site.GzipSize(wasm)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(wasm)
	if err != nil {
		t.Fatal(err)
	}
	raw := info.Size()
	t.Logf("app.wasm: %s raw (budget %s, ceiling %s), %s gzip -9 (budget %s, ceiling %s)",
		site.FormatSize(raw), site.FormatSize(budgetWasmRaw), site.FormatSize(ceilWasmRaw),
		site.FormatSize(gz), site.FormatSize(budgetWasmGzip), site.FormatSize(ceilWasmGzip))
	if gz > ceilWasmGzip {
		t.Errorf("app.wasm is %s with gzip -9, over its ceiling of %s by %s",
			site.FormatSize(gz), site.FormatSize(ceilWasmGzip), site.FormatSize(gz-ceilWasmGzip))
	}
	if raw > ceilWasmRaw {
		t.Errorf("app.wasm is %s raw, over its ceiling of %s by %s",
			site.FormatSize(raw), site.FormatSize(ceilWasmRaw), site.FormatSize(raw-ceilWasmRaw))
	}
}

// TestWasmDataCompacted: the build joins app.wasm's data segments
// (internal/site CompactData); the Go linker writes 100,000 of them, which
// cost 176 KB of gzip -9.
func TestWasmDataCompacted(t *testing.T) {
	module, err := os.ReadFile(filepath.Join(e2e.Dist, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	_, segments, _, err := site.CompactData(module)
	if err != nil {
		t.Fatal(err)
	}
	if segments > 100 {
		t.Errorf("app.wasm has %d data segments: the build did not join them", segments)
	}
}

// TestStylesScriptsMinified: the build ships every stylesheet and script,
// go-app's and ours, without comments or indentation (internal/site
// minify.go; Lighthouse flagged 16 KiB of CSS and 18 KiB of JavaScript),
// except embed.js, which blog owners read, and wasm_exec.js's copyright
// notice. The whole suite runs on these
// files, so what minifying does to them is tested by every page's tests.
func TestStylesScriptsMinified(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(e2e.Dist, "*.[cj]s*"))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := filepath.Glob(filepath.Join(e2e.Dist, "web", "*.[cj]s*"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, ours...)
	var checked int
	for _, f := range files {
		name, _ := filepath.Rel(e2e.Dist, f)
		if filepath.Base(f) == "embed.js" || filepath.Ext(f) == ".json" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		notice := strings.HasPrefix(string(data), "// Copyright") // wasm_exec.js's, kept
		for i, line := range strings.Split(string(data), "\n") {
			if notice = notice && strings.HasPrefix(line, "//"); notice {
				continue
			}
			if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") ||
				strings.HasPrefix(line, "//") || strings.HasPrefix(line, "/*") ||
				filepath.Ext(f) == ".css" && strings.Contains(line, "/*") {
				t.Errorf("%s line %d is not minified: %.60q", name, i+1, line)
				break
			}
		}
	}
	if checked < 7 { // app.css, app.js, app-worker.js, wasm_exec.js; web/app.css, early.js, embed-frame.js
		t.Errorf("checked %d stylesheets and scripts; want the 7 the site ships: %v", checked, files)
	}
}

// TestPrerenderedHTML: the HTML of / already holds the calculator and its
// results, before any script runs.
func TestPrerenderedHTML(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/")
	if res.StatusCode != 200 {
		t.Fatalf("GET / = %d", res.StatusCode)
	}
	html := string(body)
	for _, want := range []string{`<main`, `class="site-header"`, `id="price-per-credit"`, `rel="manifest"`} {
		if !strings.Contains(html, want) {
			t.Errorf("prerendered / lacks %s", want)
		}
	}
	tag := regexp.MustCompile(`<[^>]*id="price-per-credit"[^>]*>`).FindString(html)
	if !regexp.MustCompile(`data-value="[^"]+"`).MatchString(tag) {
		t.Errorf("prerendered / has no price per credit with a data-value")
	}
}

// TestAriaValues: no ARIA attribute of a page is without its value, as
// the prerendered HTML gives it and once the wasm has built the page, and
// the two pages say the same: each attribute and value as many times.
// go-app writes an attribute whose value is "true" bare, as HTML's
// boolean attributes are written, and ARIA reads a bare aria-hidden as
// "" (undefined): /compare's 32 sort icons and stale marks were heard
// until the wasm took over (the build gives them their "true" back:
// internal/site/canon.go).
func TestAriaValues(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	// Each aria-* attribute as name=value, with how many elements have it.
	const aria = `((doc) => {
  const m = {};
  for (const el of doc.body.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("aria-")) m[a.name + "=" + a.value] = (m[a.name + "=" + a.value] || 0) + 1;
    }
  }
  return m;
})`
	for _, p := range append(aivc.Pages(), "/no-such-page") {
		_, body := e2e.Get(t, srv.URL+p)
		html, err := json.Marshal(string(body))
		if err != nil {
			t.Fatal(err)
		}
		prerendered := e2e.Eval[map[string]int](tb, aria+`(new DOMParser().parseFromString(`+string(html)+`, "text/html"))`)
		tb.Navigate(p)
		tb.WaitReady()
		live := e2e.Eval[map[string]int](tb, aria+`(document)`)
		for _, page := range []struct {
			name  string
			attrs map[string]int
		}{{"prerendered", prerendered}, {"live", live}} {
			for a, n := range page.attrs {
				if strings.HasSuffix(a, "=") {
					t.Errorf("%s, %s: %d elements have %s without a value", p, page.name, n, strings.TrimSuffix(a, "="))
				}
			}
		}
		if !maps.Equal(prerendered, live) {
			t.Errorf("%s: ARIA attributes prerendered %v, live %v", p, prerendered, live)
		}
		if len(live) == 0 {
			t.Errorf("%s: no ARIA attribute at all", p)
		}
	}
	tb.AssertNoErrors("the server responded with a status of 404") // /no-such-page
}

// TestPrerenderedVisible: with the scripts blocked (as before the wasm
// arrives), the calculator shows, and go-app's loader is a slim bar that
// covers none of it.
func TestPrerenderedVisible(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: srv.URL + "/app.js", Block: true},
		{URLPattern: srv.URL + "/wasm_exec.js", Block: true},
	}})
	tb.Navigate("/")
	type box struct {
		Loader    float64 `json:"loader"`
		OnTop     bool    `json:"onTop"`
		HasResult bool    `json:"hasResult"`
	}
	b := e2e.Eval[box](tb, `(() => {
		const loader = document.getElementById("app-wasm-loader");
		const main = document.querySelector("main");
		const r = main.getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 200);
		const hit = document.elementFromPoint(x, y);
		return {
			loader: loader ? loader.getBoundingClientRect().height : 0,
			onTop: !!hit && main.contains(hit),
			hasResult: !!document.getElementById("price-per-credit"),
		};
	})()`)
	if b.Loader > 4 {
		t.Errorf("go-app's loader is %vpx high; want a slim bar (restyled in web/app.css)", b.Loader)
	}
	if !b.OnTop {
		t.Errorf("something covers the prerendered page")
	}
	if !b.HasResult {
		t.Errorf("the prerendered page shows no result")
	}
}

// TestPagesRun: every page of the route table loads, the wasm app runs it,
// and the console stays clean (no errors, exceptions or CSP violations).
func TestPagesRun(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, p := range append(aivc.Pages(), "/no-such-page") {
		name := strings.TrimPrefix(p, "/")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			tb := e2e.NewTab(t, srv.URL)
			tb.Open(p)
			title := e2e.Eval[string](tb, `document.title`)
			if title == "" {
				t.Errorf("%s has no title", p)
			}
			if n := e2e.Eval[int](tb, `document.querySelectorAll("main").length`); n != 1 {
				t.Errorf("%s has %d <main> elements, want 1", p, n)
			}
			if p == "/no-such-page" {
				// The wasm registers its not-found catch-all only at an
				// unknown address (app.Routes): the shell marked the page
				// ready (tb.open), so it is the app's page, not go-app's.
				if !e2e.Eval[bool](tb, `document.querySelector(".shell #not-found") !== null`) {
					t.Errorf("%s: the app's not-found page is not in the shell after the wasm took over", p)
				}
				// The document itself is a 404; nothing else may fail.
				tb.AssertNoErrors("the server responded with a status of 404")
				return
			}
			tb.AssertNoErrors()
		})
	}
}

// TestHarnessSeesErrors: assertNoErrors has teeth: it sees a CSP violation
// (an inline style) and a console error.
func TestHarnessSeesErrors(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	e2e.Eval[bool](tb, `document.body.setAttribute("style", "outline: 1px solid red"), console.error("boom"), true`)
	time.Sleep(200 * time.Millisecond)
	errs := strings.Join(tb.Errors(), "\n")
	if !strings.Contains(errs, "style-src") || !strings.Contains(errs, "boom") {
		t.Errorf("the harness missed a CSP violation or a console error; saw:\n%s", errs)
	}
}

// TestNoLayoutShift: when the wasm takes over the prerendered page, nothing
// moves (go-app replaces the prerendered DOM with its own rendering; the two
// must match).
func TestNoLayoutShift(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	// A page that shifts on two loads in a row fails. One shift alone is
	// logged: on a loaded 2-core machine Chromium sometimes paints a page
	// before its HTML is fully parsed (the whole suite in parallel does it),
	// and what moves when the rest arrives is for TestLayoutWhileParsing and
	// TestScrollbarGutter to find, deterministically; a takeover that really
	// moves the layout does so on every load.
	shift := func(p string) (float64, []string) {
		tb := e2e.NewTab(t, srv.URL)
		tb.Open(p)
		time.Sleep(500 * time.Millisecond)
		return e2e.Eval[float64](tb, `window.__layoutShift`), e2e.Eval[[]string](tb, `window.__layoutShifts`)
	}
	for _, p := range aivc.Pages() {
		cls, shifts := shift(p)
		if cls == 0 {
			continue
		}
		t.Logf("%s: layout shift %.4f on the first load (%v); loading it again", p, cls, shifts)
		if cls, shifts = shift(p); cls != 0 {
			t.Errorf("%s: layout shift %.4f after the wasm took over, want 0; shifts: %v", p, cls, shifts)
		}
	}
}

// TestLayoutWhileParsing: what the browser shows of a page it has parsed
// only in part stays where it is when the rest arrives. A slow connection
// delivers the HTML in pieces and Chromium paints between them; a loaded CI
// machine did so on /plan with four of a row's six fields parsed, which were
// wider until the other two arrived (layout shift 0.0126, then 0.0222 on the
// next load). Here the prerendered page (app.wasm held back) is cut after
// each item of a grid on the first screen: everything after it in the
// document is taken out, as if not yet parsed, and nothing left on the
// first screen may have moved.
func TestLayoutWhileParsing(t *testing.T) {
	t.Parallel()
	for _, p := range aivc.Pages() {
		// A server for each page: the held app.wasm requests (the page's,
		// and the service worker's precache) would soon take the 6
		// connections Chromium opens to one host.
		t.Run(p, func(t *testing.T) {
			srv, _ := e2e.NewHeldServer(t)
			// A phone (Lighthouse's), a tablet, a desktop: each has its
			// own number of columns.
			for _, width := range []int64{412, 800, 1280} {
				tb := e2e.NewTab(t, srv.URL)
				e2e.Call(tb, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 823, DeviceScaleFactor: 1})
				tb.Navigate(p)
				for _, m := range e2e.Eval[[]string](tb, parsedSoFar) {
					t.Errorf("%d px wide: %s", width, m)
				}
			}
		})
	}
}

// parsedSoFar cuts the page after each grid item on the first screen and
// returns what moved. The page's scrollbar is kept (a page cut short would
// lose it, which the page reserves room for anyway: TestScrollbarGutter; the
// embed, which reserves none, is sized to its content by its host).
const parsedSoFar = `(() => {
  document.documentElement.style.scrollbarGutter = "stable";
  const onScreen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.top < innerHeight && r.bottom > 0;
  };
  const at = (e) => {
    const r = e.getBoundingClientRect();
    return r.left.toFixed(2) + "," + r.top.toFixed(2);
  };
  const name = (e) => e.nodeName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "") +
    (e.children.length === 0 && e.textContent.trim() ? ' "' + e.textContent.trim().slice(0, 40) + '"' : "");
  const shown = [...document.body.querySelectorAll("*")].filter(onScreen);
  const seen = new Map(shown.map((e) => [e, at(e)]));
  const cuts = shown.filter((e) => getComputedStyle(e.parentElement).display.endsWith("grid"));
  const moved = [];
  for (const cut of cuts) {
    const taken = [];
    for (let n = cut; n !== document.body; n = n.parentNode) {
      const after = [];
      while (n.nextSibling) {
        after.push(n.nextSibling);
        n.nextSibling.remove();
      }
      taken.push([n.parentNode, after]);
    }
    const e = shown.find((e) => e.isConnected && at(e) !== seen.get(e));
    if (e && !moved.some((m) => m.e === e)) {
      moved.push({e, text: "parsed up to the end of " + name(cut) + " (child " + ([...cut.parentElement.children].indexOf(cut) + 1) +
        " of " + name(cut.parentElement) + "), " + name(e) + " is at " + at(e) + ", then moves to " + seen.get(e)});
    }
    for (const [parent, after] of taken) parent.append(...after);
  }
  return moved.map((m) => m.text);
})()`

// TestScrollbarGutter: the page does not move sideways when its vertical
// scrollbar comes or goes. Chromium may paint a long page before its HTML is
// fully parsed, while it is still shorter than the window; without a
// reserved gutter the scrollbar then appeared and moved the centred page
// sideways: a layout shift of 0.0041 in 1 to 3 warm loads of / in ten
// (go run ./e2e/bench, shift source: main#main, same top and height).
// Here the same page is measured long and cut short.
func TestScrollbarGutter(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	type layout struct {
		Scrolls bool
		Left    float64
	}
	const measure = `({
		scrolls: document.documentElement.scrollHeight > innerHeight,
		left: document.querySelector("main").getBoundingClientRect().left,
	})`
	long := e2e.Eval[layout](tb, measure)
	e2e.Eval[bool](tb, `(Object.assign(document.querySelector("main").style, {height: "100px", overflow: "hidden"}), true)`)
	short := e2e.Eval[layout](tb, measure)
	if !long.Scrolls || short.Scrolls {
		t.Fatalf("the page scrolls when long: %v, when cut short: %v; want true, false", long.Scrolls, short.Scrolls)
	}
	if long.Left != short.Left {
		t.Errorf("<main> starts at %vpx on the long page and at %vpx on the short one: the scrollbar moves the page", long.Left, short.Left)
	}

	// The embed's frame is sized to its content by its host: no gutter.
	tb.Open("/embed")
	e2e.Eval[bool](tb, `(Object.assign(document.querySelector("main").style, {height: "100px", overflow: "hidden"}), true)`)
	gutter := e2e.Eval[float64](tb, `(() => {
		const r = document.querySelector("main").getBoundingClientRect(); // centred
		return innerWidth - (2 * r.left + r.width);
	})()`)
	if gutter != 0 {
		t.Errorf("the embed, not scrolling, keeps a %vpx scrollbar gutter", gutter)
	}
}

// TestNotFound: an unknown path gets 404.html with status 404, and the app
// shows its own "not found" page.
func TestNotFound(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	res, body := e2e.Get(t, srv.URL+"/no-such-page")
	if res.StatusCode != 404 || !strings.Contains(string(body), `id="not-found"`) {
		t.Errorf("GET /no-such-page = %d, want 404 with the app's not-found page", res.StatusCode)
	}
}

// TestOffline: after a first visit, every page loads from the service worker
// with the server gone, and never says that the app cannot run; /profiles'
// links to the catalog's files still download them (they were not
// precached: the download failed).
func TestOffline(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: e2e.WatchNoWasm})
	tb.Open("/")

	// go-app's worker precaches in its install handler without waitUntil, so
	// wait until it controls the page and its cache holds every page.
	urls, _ := json.Marshal(append(aivc.Pages(), "/web/app.wasm", "/app.js", "/wasm_exec.js", "/manifest.webmanifest",
		"/"+site.CatalogFile, "/"+site.SchemaFile))
	tb.WaitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`, 60*time.Second)
	tb.WaitFor("the precache to hold every page", fmt.Sprintf(`(async () => {
		for (const u of %s) { if (!(await caches.match(u))) return false; }
		return true;
	})()`, urls), 60*time.Second)

	srv.CloseClientConnections()
	srv.Close()
	if _, err := http.Get(srv.URL + "/"); err == nil {
		t.Fatal("the server still answers")
	}
	for _, p := range aivc.Pages() {
		tb.Open(p)
		if n := e2e.Eval[int](tb, `document.querySelectorAll("main").length`); n != 1 {
			t.Errorf("offline %s: %d <main> elements, want 1", p, n)
		}
		if e2e.Eval[bool](tb, `!!window.noWasmSeen`) {
			t.Errorf("offline %s: the app ran, and the page said it could not", p)
		}
	}

	tb.Open("/profiles")
	dir := t.TempDir()
	e2e.Call(tb, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
	})
	for _, name := range []string{site.CatalogFile, site.SchemaFile} {
		tb.Do("downloading "+name, chromedp.Click(chromedp.CSS(`a[href="/`+name+`"]`)))
		want, err := os.ReadFile(filepath.Join(e2e.Dist, name))
		if err != nil {
			t.Fatal(err)
		}
		var got []byte
		for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got, err = os.ReadFile(filepath.Join(dir, name)); err == nil && len(got) == len(want) {
				break
			}
		}
		if !bytes.Equal(got, want) {
			entries, _ := os.ReadDir(dir)
			t.Errorf("offline, /profiles' link to %s downloaded %d bytes of %d (the folder holds %v)", name, len(got), len(want), entries)
		}
	}
}

// workerTab opens / on a copy of the site, once its service worker controls
// the page; deploy "deploys" a new version: the worker's bytes change, and
// its time a second or more. The browser asks for the worker with
// If-Modified-Since, and Last-Modified counts whole seconds: a deploy in
// the second the copy was made was answered 304, the new worker was never
// found, and the banner tests waited 120 s for nothing (1 run in 3 of a
// scratch loop; fresh-clone CI runs at 6599a3d and 9a1964d).
//
// The tests that use it do not run in parallel with the others: the new
// worker precaches the whole site (9.8 MB) before the page hears of it,
// ~3 s alone, and they wait for it.
func workerTab(t *testing.T) (tb *e2e.Tab, deploy func()) {
	t.Helper()
	dir := e2e.CopyDist(t)
	srv := e2e.NewServerAt(t, dir)
	tb = e2e.NewTab(t, srv.URL)
	tb.Open("/")
	tb.WaitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`, 60*time.Second)
	return tb, func() {
		t.Helper()
		worker := filepath.Join(dir, "app-worker.js")
		info, err := os.Stat(worker)
		var data []byte
		if err == nil {
			data, err = os.ReadFile(worker)
		}
		if err == nil {
			err = os.WriteFile(worker, append(data, "\n// next version\n"...), 0o644)
		}
		if err == nil {
			later := info.ModTime().Add(2 * time.Second)
			err = os.Chtimes(worker, later, later)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestUpdateBanner: when a new version is deployed, a returning visitor is
// told, and Reload brings the new version.
func TestUpdateBanner(t *testing.T) {
	// Not parallel: see workerTab.
	tb, deploy := workerTab(t)
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#update-banner").length`); n != 0 {
		t.Fatalf("a first visit shows the update banner")
	}
	// A visitor who leaves the tab: the old page does not look for the new
	// version (early.js would when a tab is shown again; in a run of
	// parallel tests headless Chromium shows and hides tabs, and the new
	// worker then came to the old page, before the reload).
	e2e.Eval[bool](tb, `(window.goappTryUpdate = () => {}, true)`)
	deploy()
	tb.Open("/")
	tb.WaitFor("the update banner", `!!document.querySelector("#update-banner button")`, 120*time.Second)
	if _, err := chromedp.Run(tb.Ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS("#update-banner button")))); err != nil {
		t.Fatalf("clicking Reload: %v", err)
	}
	tb.WaitReady()
	if n := e2e.Eval[int](tb, `document.querySelectorAll("#update-banner").length`); n != 0 {
		t.Errorf("the reloaded page still shows the update banner")
	}
	tb.AssertNoErrors()
}

// TestUpdateLater: the update banner's Later hides it and puts the focus on
// the page's content, not on nothing (the start of the page for the next
// Tab). go-app's own signal of a new version shows the banner: staging one,
// as TestUpdateBanner does, takes minutes under load.
func TestUpdateLater(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/log")
	e2e.Eval[bool](tb, `(goappOnUpdate(), true)`)
	tb.WaitFor("the update banner", `!!document.querySelector("#update-banner button.secondary")`, 10*time.Second)
	tb.Do("pressing Later", chromedp.Click(chromedp.CSS("#update-banner button.secondary")))
	tb.WaitFor("the banner gone, the focus on the page", `!document.querySelector("#update-banner") && document.activeElement === document.querySelector("main")`, 5*time.Second)
	tb.AssertNoErrors()
}

// TestUpdateBannerMissedFound: the banner comes even when go-app misses the
// registration's "updatefound" (it listens only once register() has
// resolved; on a loaded machine the new worker was found before, and a full
// run waited 120 s for nothing): web/early.js sees the new worker take the
// page over. The test drops go-app's "updatefound" listener.
func TestUpdateBannerMissedFound(t *testing.T) {
	// Not parallel: see workerTab.
	tb, deploy := workerTab(t)
	e2e.Eval[bool](tb, `(window.goappTryUpdate = () => {}, true)`)
	e2e.Call(tb, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
		const add = ServiceWorkerRegistration.prototype.addEventListener;
		ServiceWorkerRegistration.prototype.addEventListener = function (type, ...rest) {
			if (type !== "updatefound") return add.call(this, type, ...rest);
		};
	})()`})
	deploy()
	tb.Open("/")
	tb.WaitFor("the update banner", `!!document.querySelector("#update-banner button")`, 120*time.Second)
	tb.AssertNoErrors()
}

// TestUpdateBannerOpenTab: a tab left open learns of a new version when it
// comes back into view (web/early.js asks go-app to look): before, only a
// reload did, and an installed app left open kept the old prices.
func TestUpdateBannerOpenTab(t *testing.T) {
	// Not parallel: see workerTab.
	tb, deploy := workerTab(t)
	deploy()
	// The tab shown again, now and then (a check may come too early for
	// the browser to make another: on a loaded machine one was not enough).
	banner := `!!document.querySelector("#update-banner button")`
	// 120 s: the new worker precaches the whole site, app.wasm's 9.8 MB
	// too; on a loaded machine 60 s was not always enough.
	for deadline := time.Now().Add(120 * time.Second); !e2e.Eval[bool](tb, banner); time.Sleep(2 * time.Second) {
		if time.Now().After(deadline) {
			t.Fatal("no update banner without a reload")
		}
		e2e.Eval[bool](tb, `(document.dispatchEvent(new Event("visibilitychange")), true)`)
	}
	tb.AssertNoErrors()
}

// TestInstallable: the manifest and icons are served, and Chrome finds
// nothing that stops installing the app.
func TestInstallable(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)

	res, body := e2e.Get(t, srv.URL+"/manifest.webmanifest")
	if ct := res.Header.Get("Content-Type"); ct != "application/manifest+json" {
		t.Errorf("manifest Content-Type %q", ct)
	}
	var manifest struct {
		Name, ShortName string
		StartURL        string `json:"start_url"`
		Display         string
		Icons           []struct{ Src, Type, Sizes, Purpose string }
	}
	if err := json.Unmarshal(body, &manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if !strings.HasPrefix(manifest.Name, "AIVC") || manifest.StartURL != "/" || manifest.Display != "standalone" {
		t.Errorf("manifest: %+v", manifest)
	}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/") {
			t.Errorf("icon %s is not one of the site's own", icon.Src)
			continue
		}
		res, body := e2e.Get(t, srv.URL+icon.Src)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != icon.Type {
			t.Errorf("icon %s: %d %s, want 200 %s", icon.Src, res.StatusCode, res.Header.Get("Content-Type"), icon.Type)
			continue
		}
		if icon.Type != "image/png" {
			continue
		}
		img, err := png.Decode(bytes.NewReader(body))
		if err != nil {
			t.Errorf("icon %s: %v", icon.Src, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", img.Bounds().Dx(), img.Bounds().Dy()); got != icon.Sizes {
			t.Errorf("icon %s is %s, manifest says %s", icon.Src, got, icon.Sizes)
		}
	}

	tb := e2e.NewTab(t, srv.URL)
	tb.Open("/")
	tb.WaitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`, 60*time.Second)
	tb.WaitFor("the install button", `!!document.querySelector("#install")`, 30*time.Second)
	r := e2e.Call(tb, page.GetInstallabilityErrors, struct{}{})
	for _, e := range r.InstallabilityErrors {
		var args []string
		for _, a := range e.ErrorArguments {
			args = append(args, a.Name+"="+a.Value)
		}
		t.Errorf("installability error: %s %v", e.ErrorID, args)
	}
}

// TestOwnOriginOnly: no page asks another origin for anything, in the
// browser (every request of the page) and in the files (every src and href,
// the manifest's icons and the service worker's precache list).
func TestOwnOriginOnly(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	for _, p := range aivc.Pages() {
		tb := e2e.NewTab(t, srv.URL)
		tb.Open(p)
		tb.WaitFor("the service worker to control the page", `navigator.serviceWorker.controller !== null`, 60*time.Second)
		time.Sleep(300 * time.Millisecond)
		reqs := tb.Requests()
		if len(reqs) == 0 {
			t.Errorf("%s: no request recorded", p)
		}
		for _, u := range reqs {
			if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				t.Errorf("%s requested %s", p, u)
			}
		}
	}

	// What the page loads by itself: any src, and the href of <link>
	// (stylesheets, manifest, icons, preloads). An <a href> to a source's
	// page is a link a person may follow, not a request the app makes.
	attr := regexp.MustCompile(`(?:\ssrc="([^"]*)"|<link\s[^>]*?href="([^"]*)")`)
	files, err := filepath.Glob(filepath.Join(e2e.Dist, "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no HTML in %s: %v", e2e.Dist, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attr.FindAllStringSubmatch(string(data), -1) {
			if u := m[1] + m[2]; !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
				t.Errorf("%s links to %q, not a path of the site", filepath.Base(f), u)
			}
		}
	}
	worker, err := os.ReadFile(filepath.Join(e2e.Dist, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	list := regexp.MustCompile(`const resourcesToCache = (\[.*\]);`).FindSubmatch(worker)
	if list == nil {
		t.Fatal("app-worker.js has no resourcesToCache")
	}
	var precache []string
	if err := json.Unmarshal(list[1], &precache); err != nil {
		t.Fatal(err)
	}
	for _, u := range precache {
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			t.Errorf("the service worker precaches %q, not a path of the site", u)
		}
	}
	for _, p := range append(aivc.Pages(), "/web/app.wasm", "/web/app.css", "/web/icon.svg") {
		if !slices.Contains(precache, p) {
			t.Errorf("the service worker does not precache %s", p)
		}
	}
}

// TestFraming: every page refuses to be framed by another site, and the
// embed page may be framed by any site, by its headers and in the browser.
func TestFraming(t *testing.T) {
	t.Parallel()
	srv := e2e.NewServer(t)
	hasEmbed := slices.Contains(aivc.Pages(), aivc.EmbedPath)

	for _, p := range append(aivc.Pages(), "/index.html") {
		res, _ := e2e.Get(t, srv.URL+p)
		csp := res.Header.Values("Content-Security-Policy")
		want := "frame-ancestors 'none'"
		if p == aivc.EmbedPath {
			want = "frame-ancestors *"
		}
		if len(csp) != 1 || !strings.Contains(csp[0], want) {
			t.Errorf("GET %s: Content-Security-Policy %q, want one policy with %s", p, csp, want)
		}
		if xfo := res.Header.Get("X-Frame-Options"); xfo != "" {
			t.Errorf("GET %s: X-Frame-Options %q fights frame-ancestors", p, xfo)
		}
	}

	// A page on another origin frames the site.
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>host</title><iframe id="f" src="%s%s"></iframe>`,
			srv.URL, r.URL.Query().Get("p"))
	}))
	defer host.Close()

	check := func(p string, wantLoaded bool) {
		tb := e2e.NewTab(t, host.URL)
		tb.Navigate("/?p=" + p)
		time.Sleep(500 * time.Millisecond)
		tree := e2e.Call(tb, page.GetFrameTree, struct{}{})
		if len(tree.FrameTree.ChildFrames) != 1 {
			t.Fatalf("host page of %s has %d frames", p, len(tree.FrameTree.ChildFrames))
		}
		f := tree.FrameTree.ChildFrames[0].Frame
		loaded := strings.HasPrefix(f.URL, srv.URL) && f.UnreachableURL == ""
		t.Logf("framing %s: frame url %q, unreachable %q", p, f.URL, f.UnreachableURL)
		if loaded != wantLoaded {
			t.Errorf("framing %s from another site: loaded = %v (frame url %q, unreachable %q), want %v",
				p, loaded, f.URL, f.UnreachableURL, wantLoaded)
		}
	}
	check("/", false)
	// Control: a file with no frame-ancestors loads, so "loaded" can be seen.
	check("/web/icon.svg", true)
	if hasEmbed {
		check(aivc.EmbedPath, true)
	} else {
		t.Logf("no %s page yet: only checked that / refuses framing", aivc.EmbedPath)
	}
}

// TestPortReuseStartsEmpty: a server given the port of a closed one (the
// same origin) finds none of its data in the shared browser.
func TestPortReuseStartsEmpty(t *testing.T) {
	t.Parallel()
	var addr string
	t.Run("first server", func(t *testing.T) {
		srv := e2e.NewServer(t)
		addr = srv.Listener.Addr().String()
		tb := e2e.NewTab(t, srv.URL)
		tb.Open("/")
		e2e.Eval[bool](tb, `(localStorage.setItem("aivc.e2e-left", "1"), true)`)
	})
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("port %s was taken again before this test could: %v", addr, err)
	}
	srv := httptest.NewUnstartedServer(e2e.SiteHandler(t, e2e.Dist))
	srv.Listener.Close()
	srv.Listener = l
	tb := e2e.NewTab(t, e2e.Start(t, srv).URL)
	tb.Open("/")
	if v := e2e.Eval[string](tb, `localStorage.getItem("aivc.e2e-left") || ""`); v != "" {
		t.Errorf("the second server on %s finds the first one's storage (%q)", addr, v)
	}
}
