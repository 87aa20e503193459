// Package pricing turns an AI-video platform's credit scheme into four
// honest numbers: money per credit, per clip, per second of video, and per
// clip you actually keep. It is pure Go: it imports only the standard
// library and github.com/shopspring/decimal, never reads the clock, the
// network or the DOM, and compiles natively and to WebAssembly, where the
// site runs it on the visitor's device.
//
// # Units
//
// Money is a [Money]: a decimal.Decimal amount and a [Currency] (an ISO
// 4217 code such as "USD"). There are no floats anywhere in the package.
//
// A model's price is in units. In a credit profile ([KindCredits]) a unit is
// one of the platform's credits (Profile.Unit names it if the platform
// does not call it "credits"); plans and packs sell credits for money. In an
// API profile ([KindAPI]) a unit is one unit of the profile's currency: the
// model is priced in money directly and the "price per credit" is 1.
//
// Durations are seconds. A [Shot] asks for any positive number of seconds;
// models make whole-second clips (see Durations below). Resolutions are the
// classes of [Resolutions] (360p to 4k); each platform's own name ("768P")
// is kept as a label.
//
// # The three steps
//
// The calculator, the comparison and the planner all do the same three
// steps (the package example runs them on the guide's numbers):
//
//  1. price per credit = plan price ÷ credits per period
//     ($30 ÷ 3,000 credits = $0.01 a credit);
//  2. credits per clip, from the model's rule for the clip's duration,
//     resolution and add-ons (a 5 s 720p clip: 50 credits);
//  3. cost per clip = credits per clip × price per credit ($0.50), and cost
//     per second = cost per clip ÷ the seconds asked for ($0.10).
//
// Then retakes: cost per kept clip = cost per clip × generations per kept
// clip, cost per kept second = cost per kept clip ÷ the seconds asked, and
// total = cost per kept clip × clips. Per second is always per second
// asked for, not per second paid: paying for a 10 s clip to use 7 s of it
// makes each used second dearer, and the quote says how many seconds went
// unused.
//
// # Credit rules
//
// A model prices each resolution with one [Rate], whose rule is one of:
//
//   - per_second: units × paid seconds (Runway Gen-4 Turbo: 5 credits/s);
//   - buckets: the price of the shortest bucket at least as long as the
//     clip (Kling 5 s / 10 s);
//   - base: units for the first N seconds plus per_extra_second × the paid
//     seconds beyond N (fal Kling: $1.40 for 5 s, then $0.28/s);
//   - per_clip: a flat price per clip;
//   - per_megapixel: units per million pixels of width × height × fps ×
//     paid seconds (Luma Ray2 at $0.0064 per Mpx: a 5 s 540p clip at 24 fps
//     is 62.208 Mpx, $0.3981312).
//
// A [Multiplier] prices another resolution as factor × the model's first
// rate (its rule and durations). A resolution in neither is not offered.
//
// Durations: a model offers a list of lengths or a min–max range
// (Rate.Durations overrides the model's at one resolution). A shot is made
// at the shortest listed length at least as long as asked, or, in a range,
// at the seconds asked rounded up to a whole second, at least the minimum.
// Longer than the longest length is not offered. A model with no durations
// at all (only custom calculator models) pays exactly the seconds asked.
//
// Add-ons ([AddonKind]) a shot asks for: native audio is "no native audio"
// on a model whose Audio is none (a source says it makes none), free when
// included, priced by its add-on when it is an add-on, "native audio price
// not published" ("… credit cost not published") when the model makes
// audio no source prices, and "native audio not stated by its source" when
// no source says whether it makes audio (Audio left out,
// [AudioNotStated]; on a person's own profile, [Profile.Custom], "native
// audio not set in your profile"): such a shot is never priced as if silent. Upscale,
// lip sync and extend use the model's [Addon]: per_clip units, per_second
// × paid seconds, block units × the number of started blocks, or factor,
// which multiplies the clip's units (the rule's units after the resolution
// multiplier; factors multiply together and never apply to other add-ons). An add-on with RoundUp is
// rounded up to whole units on its own. Then the model's MinCharge is the
// floor of a clip's units, and its RoundUp rounds the clip up to a whole
// unit. [Model.Usage] returns the units and the working line by line.
//
// A shot a model cannot make is not an error and not a number: it is a
// [NotOfferedError] with a reason a person reads ("10 s not offered at
// 1080p (longest is 6 s)", "4k not offered (720p, 1080p)", "no native
// audio", "native audio not stated by its source", "credit cost not
// published" for a model the sources give no price for).
//
// # Lenses
//
// A [Lens] is a way of buying units, and [Profile.UnitPrices] lists every
// candidate under one:
//
//   - monthly: each plan billed monthly: monthly price ÷ credits per month;
//   - yearly: each plan billed yearly: (price per month billed yearly, or
//     yearly price ÷ 12) ÷ credits per month;
//   - first: the first month of each monthly plan with its promotion:
//     (intro price if any, else the monthly price) ÷ (credits + min(credits
//     × bonus% ÷ 100, bonus cap));
//   - packs: each top-up pack: price ÷ credits ("needs a subscription"
//     when only subscribers can buy it, "validity not stated by Kling"
//     when the platform gives no period for its credits);
//   - api: pay as you go on an API profile: 1 unit of money per unit;
//   - cheapest: the best of monthly, yearly, packs and api.
//
// Cheapest leaves out first on purpose: a promotion is not a steady state,
// and ranking platforms on their first month would reward the loudest
// offer, not the lowest price. The first month is shown beside the
// steady-state price instead ([Calculation].HasFirst), or ranked on its
// own under the first lens.
//
// A model is priced at the cheapest candidate that may use it: a plan the
// model is on (Model.Plans, empty meaning every plan) and that allows the
// shot's resolution (Plan.MaxRes). Packs may be used by every model.
//
// # Comparing and planning
//
// [Rank] prices a standard shot on every model of every profile through a
// lens, converts every cost into one display currency, and ranks by cost
// per kept second, then profile id, then model id, so equal costs always
// come out in the same order. It lists apart the models (and whole
// profiles) that cannot make the shot, with why; flags prices read more
// than [StaleDays] before the day the caller passes in; and says what a
// free tier buys of the shot.
//
// [PlanMonth] finds the cheapest way to buy a month of mixed shots on one
// profile (a plan, a plan and top-up packs, packs alone, or pay as you go)
// and counts the credits left unused, expiring, or that may expire (a
// pack's whose validity is not stated, never counted as lasting);
// [PlanAll] ranks that across profiles. Rows, months and
// [Profile.Figures] say which figure a price is where its sources give a
// range or two (Plan.Figure, Model.Figure).
//
// # Retakes
//
// Generations per kept clip (Shot.Takes, 1.5 meaning one clip in two is
// made twice) multiplies cost: a shot is paid per generated clip, and the
// cost per kept clip and per kept second include the retakes. 0 means 1;
// fewer than 1 is an error ([ErrBelowOne]): you cannot keep more clips
// than you make; more than [MaxTakes] (1,000) is [ErrTooManyTakes], a slip
// rather than a way of working. Every entry point applies the same rule,
// and [ParseTakes] applies it to what a person typed. [MeasuredTakes]
// turns a log's counts into a figure held within it, exact to
// [DivisionScale] places (7 tries for 3 kept clips: 2.3333333333333333, so
// a kept clip of $1.20 costs $2.80 as the log says, not $2.796), and
// [FormatApprox] and [CountApprox] show it, and the credits it takes, to
// people: to 2 places, "~2.33" where that rounds it.
//
// # Rounding
//
// The engine keeps full precision and rounds in three named places only:
//
//   - every division is decimal.DivRound to [DivisionScale] (16) decimal
//     places, half away from zero: price per credit, cost per clip, per
//     second and per kept second, cross exchange rates, measured
//     generations per kept clip, the share of a month. Each cost is one
//     division of exact products, multiplied before it is divided (cost
//     per clip = price × credits per clip × rate ÷ credits), so a cost that
//     is exact comes out exact ($250 × 55 × 1.5 ÷ 150,000 = 0.1375, where
//     the price of a credit rounded first gave 0.1375000000000055) and any
//     other is right to the 16th place;
//   - credit rules round up (ceiling) only where the platform does: a
//     model's RoundUp and an add-on's RoundUp round to whole units; started
//     blocks and packs to buy are counted up to whole numbers; seconds in a
//     range are rounded up to whole seconds;
//   - [FormatMoney] rounds for display, half away from zero: 2 decimal
//     places from 1 up ("$1,200.50"), up to 4 below 1, keeping at least 2
//     ("$0.01", "€0.0033"), and 2 significant digits where 4 places would
//     show nothing ("$0.00002"). [FormatTotal] shows money a person pays
//     (a total, a month's cost) in cents ("$0.78" where FormatMoney shows
//     "$0.7778"), and FormatMoney's figure only under half a cent, which
//     cents would show as nothing. [Rank]'s TimesCheapest is a ratio shown
//     to 2 places; [FormatApprox] figures of more than 2 places (measured
//     generations per kept clip, the credits they take), marked "~".
//
// Multiplication, addition and subtraction are exact. So "cost per second
// × seconds = cost per clip" holds to within (seconds + 1) × 10^-16 of a
// unit of money (each is rounded once, from the exact value), and a number
// shown in a page can be checked against the exact one in its data
// attribute ([Exact] writes a decimal without exponent, grouping or
// trailing zeros, whatever shopspring's package-level settings).
//
// # Currency
//
// Money in two currencies is never added or ranked unconverted. [Rates] is
// an exchange-rate table passed in by the caller: 1 Base = Per[c] units of
// c. [DefaultRates] is the bundled table, dated, with its source; people can
// edit it. A conversion multiplies by the target rate and divides by the
// source rate once. [Rank] converts every cost into RankOptions.Display
// (it converts each price per unit once, then multiplies by the units),
// marks the rows it converted and lists each rate it used in words
// ([Rates.Describe]: "1 EUR = 1.1628 USD (rate of 2026-11-01)"). A missing
// rate wraps [ErrCurrency].
//
// # Input
//
// [ParseAmount] and [ParsePositive] are the one parser for what people
// type: "$30", "30.00", "3,000", "3 000", "1,200.50", "0.5", "€15", "30 $".
// Empty text, words ("abc", "NaN", "Inf"), exponents ("1e400"), negative
// amounts, more than 15 digits before the point or 16 after it, and
// (for ParsePositive) zero are errors that name the field:
// "Credits per month must be more than 0". [ParsePrice] reads a price in a
// known currency, and refuses another currency's mark ("€30" in a dollar
// price: "Plan price is in USD, not EUR: …") instead of reading it as 30.
// [ParseRate] reads an exchange rate the same way: "€0.9" in euros for 1
// USD, "1.38 CAD", "CAD 1.38" or "$1.38 CAD" in Canadian dollars, "¥150"
// in yen, never "$0.9" or "1.38 AUD" ([*CurrencyError],
// [ErrOtherCurrency]).
//
// A field's number has a [Unit]: [UnitCredits], [UnitMoney], [UnitSeconds],
// [UnitPercent], [UnitClips] or [UnitCount]. [ParseIn] and
// [ParsePositiveIn] read it with its own unit's mark ("50 credits", "5 s",
// "33%", "10 clips", "$30") and refuse another's instead of reading the
// bare number: "$5" in credits per clip is "Credits per clip is in
// credits, not money: type the number alone" ([*UnitError],
// [ErrOtherUnit]). A price refuses them too ("5 credits" in a plan price).
// A field counted per month ("Clips a month", a plan's price and credits)
// reads a month's figure as a pricing page writes it, with [ParseInPer]
// and [ParsePricePer]: "10 clips a month", "$30/month", "30 per month",
// "$30/mo", "$30/mo." (a full stop after the period), "30 monthly";
// another period ("$360 a year") is refused naming the field ("Plan
// price is per month, not per year: type the price of one month"), and a
// field that counts once refuses any period ([*PeriodError],
// [ErrOtherPeriod]).
// [NameCredits] names a platform's credits as it calls them:
// "5 s" in LTX Studio's is "… is in computing seconds, not seconds of video".
//
// # Errors
//
// Every error wraps an exported sentinel, so callers match with errors.Is
// and read details with errors.As:
//
//   - [*InputError] {Field, Value, Err}: a value a person typed; Err is
//     [ErrEmpty], [ErrNotNumber], [ErrNegative], [ErrZero], [ErrTooLarge],
//     [ErrTooPrecise], [ErrBelowOne], [ErrTooManyTakes], or a
//     [*UnitError] (another unit's mark, [ErrOtherUnit]) or a
//     [*CurrencyError] (a rate in another currency, [ErrOtherCurrency]) or a
//     [*PeriodError] (another period, [ErrOtherPeriod]); Field is the
//     label beside the input (the Field* constants). [Calculate] reports
//     every bad field at once with errors.Join.
//   - [*NotOfferedError] (ErrNotOffered): a model cannot make a shot; Reason
//     is the sentence to show.
//   - [ErrUnknown]: an id (profile, plan, model) or a billing that does not
//     exist.
//   - [ErrNoPrice]: no way to buy the units under a lens or a billing.
//   - [ErrCurrency]: no exchange rate between two currencies.
//   - [*ProfileError] (ErrInvalidProfile): a profile breaks the catalog's
//     rules ([Profile.Validate]).
//
// [Rank] and [PlanAll] do not fail: what cannot be priced is listed in
// Unavailable with its reason.
//
// # Nothing panics
//
// A panic in the WebAssembly build would stop the whole page, so no input
// makes this package panic: every division checks its divisor first (the
// zero divisor is the one case where shopspring/decimal panics; its Div and
// RoundCash are never used), values are range-checked where people type
// them, and the fuzz tests (FuzzParseAmount, FuzzEngine) feed random input
// and random valid profiles through the parser and the engine. The package
// never changes shopspring/decimal's package-level settings.
package pricing
