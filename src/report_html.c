/*
 * report_html.c -- a session's report as one self-contained HTML page
 * (see report_html.h).
 *
 * The page is written top to bottom in one pass over the session's
 * record and the transcript's records.  Colours are CSS custom
 * properties: each topic has a hue (--h), the light and dark schemes
 * set the lightness (--l), so one rule colours a topic everywhere (dot,
 * chip, row) in both schemes.  The chart is SVG in a 1000-unit-wide
 * view box that scales with the page.
 */
#include <config.h>

#include "report_html.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "plan.h"
#include "report.h"
#include "review_log.h"
#include "session.h"
#include "taxonomy.h"
#include "text.h"
#include "transcript.h"
#include "xmalloc.h"

/* The chart's geometry, in SVG units. */
#define CH_W 1000       /* view box width */
#define CH_LEFT 170     /* room for the lane labels */
#define CH_RIGHT 28
#define CH_TOP 52       /* room for the notices' labels */
#define CH_LANE 22      /* one topic's row */
#define CH_GROUP 20     /* a tier's heading */
#define CH_AXIS 34      /* the time axis */
#define CH_MIN_SPAN 10000 /* the shortest time axis, ms */

/* Tooltips and flag labels are cut to this many bytes. */
#define TIP_MAX 300

/* Flag labels are drawn on the chart only when there are this few. */
#define MAX_FLAG_LABELS 40

/* With more points than this, they lose their rings (see .dense). */
#define DENSE 120

/* The lane of lines with no topic, after the categories. */
#define LANE_NONE CAT_COUNT

/* A rectangle on the chart, in view box units. */
struct box {
	double x0, y0, x1, y1;
};

/* What the page needs to know about the session, worked out once. */
struct page {
	FILE *fp;
	const struct transcript_doc *d;
	struct replay *r;
	struct session *s;
	const struct question *sugg[CAT_COUNT];   /* report_untouched() */
	size_t *first_flag;     /* per turn: index into s->flags, or SIZE_MAX */
	size_t *record_of;      /* per turn: its record in d */
	uint64_t span;          /* the chart's time span, ms */
	unsigned lane_y[CAT_COUNT + 1];   /* each lane's centre */
	unsigned group_y[TIER_COUNT + 1]; /* each tier heading's baseline */
	unsigned height;        /* the chart's height */
	struct box *taken;      /* what is drawn where labels might go */
	size_t ntaken, captaken;
	char *moved[NOTICE_COUNT + 1]; /* notice and end labels with no room
	                           above the chart, said in the caption (owned) */
	size_t nmoved;
	bool numbered;          /* flags crowd the chart: numbered, the Flags
	                           list is the legend */
};

/* Text made safe for HTML: control characters escaped as in the
 * terminal, then the five special characters as entities.  At most max
 * bytes of s (cut at a character), with "…" after a cut. */
static void
esc_n(FILE *fp, const char *s, size_t max)
{
	text_write_html(fp, s, max);
}

static void
esc(FILE *fp, const char *s)
{
	esc_n(fp, s, SIZE_MAX);
}

/* A category as a word for the page ("typical day"; "no topic"). */
static void
put_cat(FILE *fp, enum category c)
{
	fputs(c == CAT_NONE ? "no topic" : category_words(c), fp);
}

/* A line's lane: its topic's when it asked about the topic; a
 * clarification ("what do you mean by stand-up?") or anything else said
 * goes with the lines of no topic, as the report does not count it. */
static enum category
shown_cat(const struct turn *tn)
{
	bool asks = tn->act == ACT_QUESTION || tn->act == ACT_FOLLOW_UP || tn->act == ACT_NONE;
	return asks ? tn->cat : CAT_NONE;
}

static int
lane_of(const struct turn *tn)
{
	return shown_cat(tn) == CAT_NONE ? LANE_NONE : (int)tn->cat;
}

/* What a line was about, as the chart's tips and the chips say it. */
static void
put_about(FILE *fp, const struct turn *tn)
{
	if (tn->act == ACT_CLARIFY) {
		fputs("what a word meant", fp);
		if (tn->cat != CAT_NONE)
			fprintf(fp, " (%s)", category_words(tn->cat));
	} else {
		put_cat(fp, shown_cat(tn));
	}
}

/* The CSS class of a category's colour. */
static const char *
cat_class(enum category c)
{
	return c == CAT_NONE ? "none" : category_name(c);
}

static const char *
tier_title(enum tier t)
{
	switch (t) {
	case TIER_JOB: return "The job";
	case TIER_INDUSTRY: return "The industry";
	case TIER_CLOSING: return "Closing";
	default: return "Other";
	}
}

static void
put_span(FILE *fp, uint64_t ms)
{
	char b[32];
	clock_span(ms, b, sizeof b);
	fputs(b, fp);
}

/* The style sheet.  Light by default, dark on screens that prefer it;
 * print is always light. */
static const char css[] =
    ":root{color-scheme:light dark;--bg:#f6f6f3;--card:#fff;--fg:#1c2230;--muted:#5d6575;"
    "--line:#e2e4e8;--grid:#eef0f3;--accent:#3454c4;--l:43%;--err:#c4321c;--warn:#a95a06;"
    "--info:#5a6478;--good:#2c7f47;--band:#edf2ff;--grace:#fff1db}\n"
    "@media screen and (prefers-color-scheme:dark){:root{--bg:#121419;--card:#1b1e25;--fg:#e7e9ee;"
    "--muted:#a1a8b6;--line:#2f343e;--grid:#252932;--accent:#93abff;--l:66%;--err:#ff7b66;"
    "--warn:#f4b350;--info:#a9b2c3;--good:#72d193;--band:#1d2535;--grace:#322816}}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,\"Noto Sans\",Ubuntu,Cantarell,\"Helvetica Neue\",Arial,sans-serif;"
    "-webkit-text-size-adjust:100%}\n"
    "header.top,main,footer{max-width:1120px;margin:0 auto;padding:0 24px}\n"
    "header.top{padding-top:36px}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.09em;font-size:.75rem;font-weight:600;"
    "color:var(--muted);margin:0}\n"
    "h1{font-size:2.05rem;line-height:1.2;margin:.15em 0 .1em;letter-spacing:-.01em}\n"
    ".sub{color:var(--muted);margin:0 0 1.1em;font-size:1.05rem}\n"
    ".facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:12px;margin:0}\n"
    ".facts div{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:9px 14px}\n"
    ".facts dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.07em;color:var(--muted)}\n"
    ".facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}\n"
    ".muted{color:var(--muted);font-weight:400}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:14px;"
    "padding:22px 26px;margin:22px 0}\n"
    "h2{font-size:1.3rem;margin:0 0 .7em;letter-spacing:-.005em}\n"
    "h3{font-size:1.02rem;margin:1.6em 0 .5em}\n"
    "p{margin:.4em 0}\n"
    "code{font:.88em ui-monospace,SFMono-Regular,Menlo,Consolas,\"Liberation Mono\",monospace}\n"
    "a{color:var(--accent)}\n"
    ".score{display:grid;grid-template-columns:minmax(150px,200px) 1fr;gap:18px 36px;align-items:start}\n"
    ".total{font-size:3.6rem;font-weight:700;line-height:1;letter-spacing:-.03em}\n"
    ".total small{font-size:1.15rem;font-weight:500;color:var(--muted);letter-spacing:0}\n"
    ".total.high{color:var(--good)}.total.mid{color:var(--warn)}.total.low{color:var(--err)}\n"
    ".parts{list-style:none;margin:0;padding:0;display:grid;gap:12px}\n"
    ".parts li{display:grid;grid-template-columns:10em 1fr 4.2em;gap:2px 14px;align-items:center}\n"
    ".parts .why{grid-column:1/-1;font-size:.84rem;color:var(--muted)}\n"
    ".parts .num{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}\n"
    ".bar{height:9px;background:var(--grid);border-radius:5px;overflow:hidden}\n"
    ".bar span{display:block;height:100%;background:var(--accent);border-radius:5px}\n"
    ".note{background:var(--band);border-radius:10px;padding:12px 16px}\n"
    ".pacing{margin:.4em 0 0;padding-left:1.2em;color:var(--fg)}\n"
    ".pacing li{margin:.15em 0}\n"
    "figure{margin:0}\n"
    ".scroll{overflow-x:auto}\n"
    "svg.timeline{width:100%;min-width:640px;height:auto;display:block;font-family:system-ui,sans-serif;"
    "font-size:12px}\n"
    ".timeline text{fill:var(--fg)}\n"
    ".timeline .lane-label{fill:var(--muted)}\n"
    ".timeline .group{font-size:10.5px;font-weight:700;letter-spacing:.08em;fill:var(--muted)}\n"
    ".timeline .track{stroke:var(--line);stroke-width:1}\n"
    ".timeline .tick{stroke:var(--line)}\n"
    ".timeline .tick-label{fill:var(--muted);font-size:11px;font-variant-numeric:tabular-nums}\n"
    ".timeline .band{fill:var(--band)}\n"
    ".timeline .grace{fill:var(--grace)}\n"
    ".timeline .notice{stroke:var(--muted);stroke-dasharray:4 3}\n"
    ".timeline .notice-label{fill:var(--muted);font-size:11px}\n"
    ".timeline .end{stroke:var(--fg);stroke-width:1.5}\n"
    ".timeline .end-label{font-size:11px;font-weight:600}\n"
    ".dot{fill:hsl(var(--h) var(--s,62%) var(--l));stroke:var(--card);stroke-width:1.5}\n"
    ".mark{stroke-width:2.6}\n"
    ".dense .dot{stroke:none}.dense .mark{stroke-width:1.2}\n"
    ".sev-error .mark,.mark.sev-error{stroke:var(--err)}.sev-warning .mark,.mark.sev-warning{stroke:var(--warn)}"
    ".sev-info .mark,.mark.sev-info{stroke:var(--info)}\n"
    ".flag-label{font-size:10.5px;font-weight:600}\n"
    ".timeline .flag-label.sev-error{fill:var(--err)}.timeline .flag-label.sev-warning{fill:var(--warn)}"
    ".timeline .flag-label.sev-info{fill:var(--info)}\n"
    "figcaption{font-size:.86rem;color:var(--muted);margin-top:8px;display:flex;flex-wrap:wrap;gap:6px 20px}\n"
    ".key{display:inline-block;width:11px;height:11px;border-radius:50%;vertical-align:-1px;"
    "margin-right:5px;background:hsl(212 62% var(--l))}\n"
    ".key.flag{border-radius:1px;transform:rotate(45deg) scale(.85);background:var(--card);"
    "border:2.5px solid var(--err)}\n"
    ".key.notice{width:0;border-radius:0;border-left:1.5px dashed var(--muted);height:13px}\n"
    ".key.band{border-radius:2px;background:var(--band);border:1px solid var(--line)}\n"
    ".key.grace{border-radius:2px;background:var(--grace);border:1px solid var(--line)}\n"
    "ol.conversation{list-style:none;margin:0;padding:0}\n"
    ".rec{display:grid;grid-template-columns:4.4em 10.5em 1fr;gap:2px 14px;padding:9px 10px;"
    "border-top:1px solid var(--grid);border-radius:6px}\n"
    ".rec:target{background:var(--band)}\n"
    ".rec time{font-variant-numeric:tabular-nums;color:var(--muted)}\n"
    ".rec .who{font-weight:600;overflow-wrap:anywhere}\n"
    ".rec.you .who{color:var(--accent)}\n"
    ".rec.host .who{color:var(--fg)}\n"
    ".rec.coach .body,.rec.program .body{color:var(--muted)}\n"
    ".rec.coach .who,.rec.program .who{color:var(--muted);font-weight:500}\n"
    ".rec.notice .body{color:var(--fg)}\n"
    ".rec.notice .who::after{content:\" \\2022  timer\";font-weight:400}\n"
    ".rec.flagged{box-shadow:inset 3px 0 0 var(--err)}\n"
    ".rec.flagged.worst-warning{box-shadow:inset 3px 0 0 var(--warn)}\n"
    ".rec.flagged.worst-info{box-shadow:inset 3px 0 0 var(--info)}\n"
    ".rec .body p{margin:0;overflow-wrap:anywhere}\n"
    ".tags{margin-top:4px!important;display:flex;flex-wrap:wrap;gap:6px}\n"
    ".chip{display:inline-flex;align-items:center;gap:6px;font-size:.78rem;line-height:1.5;"
    "padding:0 9px;border-radius:999px;border:1px solid var(--line);color:var(--fg);white-space:nowrap}\n"
    ".chip::before{content:\"\";width:8px;height:8px;border-radius:50%;"
    "background:hsl(var(--h) var(--s,62%) var(--l))}\n"
    ".flag{display:inline-flex;gap:6px;align-items:center;font-size:.78rem;line-height:1.5;"
    "padding:0 9px;border-radius:6px;border:1px solid currentColor;font-weight:600;text-decoration:none;"
    "white-space:nowrap}\n"
    ".flag.sev-error{color:var(--err)}.flag.sev-warning{color:var(--warn)}.flag.sev-info{color:var(--info)}\n"
    ".flag code{font-weight:500}\n"
    ".tiers{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin-bottom:18px}\n"
    ".tiers div{border:1px solid var(--line);border-radius:10px;padding:10px 14px}\n"
    ".tiers b{display:block;font-size:1.5rem;line-height:1.3}\n"
    ".tiers span{color:var(--muted);font-size:.86rem}\n"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
    "caption{text-align:left;color:var(--muted);font-size:.86rem;padding-bottom:6px}\n"
    "th,td{text-align:left;padding:7px 10px;border-top:1px solid var(--grid);vertical-align:top}\n"
    "thead th{font-size:.74rem;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);border-top:0}\n"
    "tbody th{font-weight:600;white-space:nowrap}\n"
    "td.count{font-variant-numeric:tabular-nums;white-space:nowrap;width:9em}\n"
    "td.count .bar{display:inline-block;width:5em;vertical-align:middle;margin-left:8px}\n"
    "td.count .bar span{background:hsl(var(--h) var(--s,62%) var(--l))}\n"
    "tr.untouched td.next{color:var(--muted)}\n"
    "ol.flags{list-style:none;margin:0;padding:0;display:grid;gap:14px}\n"
    "ol.flags li{border:1px solid var(--line);border-left:4px solid var(--err);border-radius:8px;padding:10px 14px}\n"
    "ol.flags li.sev-warning{border-left-color:var(--warn)}ol.flags li.sev-info{border-left-color:var(--info)}\n"
    "blockquote{margin:.4em 0;padding:0 0 0 12px;border-left:2px solid var(--line);font-style:italic}\n"
    ".try{color:var(--good)}\n"
    ".good{color:var(--good);font-weight:600}\n"
    "ul.checklist{list-style:none;margin:0;padding:0;display:grid;gap:10px}\n"
    "ul.checklist li{padding-left:1.9em;position:relative}\n"
    "ul.checklist li::before{position:absolute;left:0;top:0;width:1.35em;height:1.35em;border-radius:50%;"
    "text-align:center;font-weight:700;line-height:1.35em;font-size:.9em}\n"
    "ul.checklist li.yes::before{content:\"\\2713\";background:var(--good);color:var(--card)}\n"
    "ul.checklist li.no::before{content:\"\\2715\";background:var(--err);color:var(--card)}\n"
    "footer{color:var(--muted);font-size:.84rem;padding-bottom:40px}\n"
    "@media (max-width:700px){.rec{grid-template-columns:4em 1fr}.rec .body{grid-column:1/-1}"
    ".score{grid-template-columns:1fr}.parts li{grid-template-columns:8em 1fr 3.6em}"
    "section{padding:16px}h1{font-size:1.6rem}"
    ".coverage thead,.coverage th[scope=rowgroup]{display:none}"
    ".coverage tr{display:grid;grid-template-columns:auto 1fr;border-top:1px solid var(--grid)}"
    ".coverage td{border:0;padding:6px 8px 0}.coverage td.next{grid-column:1/-1;padding-bottom:8px}}\n"
    "@media print{body{font-size:10.5pt;background:#fff}svg.timeline{min-width:0}section{border:0;border-radius:0;padding:0;"
    "margin:18px 0}header.top{padding-top:0}figure,.rec,ol.flags li,tr{break-inside:avoid}"
    "h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}.facts div{border-color:#ccc}}\n";

/* Hues of the topics, spread round the colour wheel so that neighbouring
 * lanes differ. */
static void
put_hues(FILE *fp)
{
	for (int c = 0; c < CAT_COUNT; c++)
		fprintf(fp, ".c-%s{--h:%d}", category_name((enum category)c), (212 + (c * 5 % CAT_COUNT) * 360 / CAT_COUNT) % 360);
	fputs(".c-none{--h:220;--s:8%}\n", fp);
}

/* The chart's layout: lanes grouped by tier, the no-topic lane last. */
static void
layout(struct page *pg)
{
	unsigned y = CH_TOP;
	for (int t = 0; t <= TIER_COUNT; t++) {
		y += CH_GROUP;
		pg->group_y[t] = y - 6;
		if (t == TIER_COUNT) {
			pg->lane_y[LANE_NONE] = y + CH_LANE / 2;
			y += CH_LANE;
			continue;
		}
		for (int c = 0; c < CAT_COUNT; c++) {
			if (category_tier((enum category)c) != (enum tier)t)
				continue;
			pg->lane_y[c] = y + CH_LANE / 2;
			y += CH_LANE;
		}
	}
	pg->height = y + CH_AXIS;

	struct session *s = pg->s;
	uint64_t end = session_time_used(s);
	for (size_t i = 0; i < pg->d->nrecords; i++)
		if (pg->d->records[i].at_ms > end && pg->r->turn[i] != REPLAY_NO_TURN)
			end = pg->d->records[i].at_ms;
	/* A timed session shows its whole planned time and grace. */
	uint64_t planned = session_planned_ms(s);
	if (planned > 0 && planned + session_grace_ms(s) > end)
		end = planned + session_grace_ms(s);
	/* The axis ends just after the session (a 25-second one is not
	 * drawn to a minute), at ten seconds at least. */
	pg->span = end < CH_MIN_SPAN ? CH_MIN_SPAN : end + end / 50;
}

static double
x_at(const struct page *pg, uint64_t ms)
{
	return CH_LEFT + (double)ms / (double)pg->span * (CH_W - CH_LEFT - CH_RIGHT);
}

/* The worst severity among the flags of turn t, or SEV_NONE. */
static enum severity
worst_sev(const struct page *pg, size_t t)
{
	enum severity w = SEV_NONE;
	for (size_t f = pg->first_flag[t]; f < pg->s->nflags && pg->s->flags[f].turn == t; f++)
		if (pg->s->flags[f].sev > w)
			w = pg->s->flags[f].sev;
	return w;
}

/* The rule of the worst flag of turn t. */
static const struct flagnote *
worst_flag(const struct page *pg, size_t t)
{
	const struct flagnote *w = NULL;
	for (size_t f = pg->first_flag[t]; f < pg->s->nflags && pg->s->flags[f].turn == t; f++)
		if (w == NULL || pg->s->flags[f].sev > w->sev)
			w = &pg->s->flags[f];
	return w;
}

static void
chart_axes(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	unsigned bottom = pg->height - CH_AXIS;

	/* The planned time and the grace. */
	if (session_planned_ms(s) > 0) {
		uint64_t d = session_planned_ms(s);
		double x0 = x_at(pg, 0), x1 = x_at(pg, d), x2 = x_at(pg, d + session_grace_ms(s));
		if (x2 > CH_W - CH_RIGHT)
			x2 = CH_W - CH_RIGHT;
		fprintf(fp, "<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%u\"/>\n",
		    x0, CH_TOP, x1 - x0, bottom - CH_TOP);
		if (x2 > x1)
			fprintf(fp, "<rect class=\"grace\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%u\"/>\n",
			    x1, CH_TOP, x2 - x1, bottom - CH_TOP);
	}
	/* Lanes, their labels and the tiers' headings. */
	for (int t = 0; t <= TIER_COUNT; t++) {
		fprintf(fp, "<text class=\"group\" x=\"8\" y=\"%u\">", pg->group_y[t]);
		for (const char *p = tier_title((enum tier)(t == TIER_COUNT ? TIER_NONE : t)); *p; p++)
			fputc(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p, fp);
		fputs("</text>\n", fp);
	}
	for (int c = 0; c <= LANE_NONE; c++) {
		unsigned y = pg->lane_y[c];
		fprintf(fp, "<line class=\"track\" x1=\"%d\" x2=\"%d\" y1=\"%u\" y2=\"%u\"/>",
		    CH_LEFT, CH_W - CH_RIGHT, y, y);
		fprintf(fp, "<text class=\"lane-label\" x=\"%d\" y=\"%u\" text-anchor=\"end\">", CH_LEFT - 10, y + 4);
		put_cat(fp, c == LANE_NONE ? CAT_NONE : (enum category)c);
		fputs("</text>\n", fp);
	}
	/* Time ticks: about ten at most, at a round step. */
	static const unsigned steps[] = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
	    21600, 43200, 86400};
	uint64_t step = steps[sizeof steps / sizeof *steps - 1];
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (pg->span / 1000 / steps[i] <= 10) {
			step = steps[i];
			break;
		}
	while (pg->span / 1000 / step > 10)
		step *= 2;      /* a transcript spanning weeks */
	for (uint64_t t = 0; t * 1000 <= pg->span; t += step) {
		double x = x_at(pg, t * 1000);
		fprintf(fp, "<line class=\"tick\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%u\"/>"
		    "<text class=\"tick-label\" x=\"%.1f\" y=\"%u\" text-anchor=\"middle\">",
		    x, x, CH_TOP, bottom + 4, x, bottom + 18);
		put_span(fp, t * 1000);
		fputs("</text>\n", fp);
	}
	fprintf(fp, "<text class=\"tick-label\" x=\"%d\" y=\"%u\" text-anchor=\"end\">time since the start</text>\n",
	    CH_W - CH_RIGHT, bottom + 32);
}

/* Label rows above the chart: each label goes into the lowest row where
 * it clears its left neighbour, judged by an estimate of its width. */
#define LABEL_ROWS 3
#define LABEL_CHAR 6.2  /* chart units per character of an 11px label */

struct label_rows {
	double right[LABEL_ROWS];   /* where each row's last label ends */
};

/* The row for a label of text anchored at x ("start", "middle" or "end"),
 * as the y of its baseline: the lowest row where it clears its left
 * neighbour, or -1 when every row is taken there. */
static int
label_y(struct label_rows *lr, double x, const char *anchor, const char *text)
{
	double w = LABEL_CHAR * (double)strlen(text);
	double left = strcmp(anchor, "start") == 0 ? x : strcmp(anchor, "end") == 0 ? x - w : x - w / 2;
	for (int r = 0; r < LABEL_ROWS; r++)
		if (lr->right[r] + 8 <= left) {
			lr->right[r] = left + w;
			return CH_TOP - 8 - 15 * r;
		}
	return -1;
}

/* A label with no room above the chart goes to the caption: "at T: text". */
static void
move_label(struct page *pg, uint64_t at, const char *text)
{
	char t[32];
	clock_span(at, t, sizeof t);
	if (pg->nmoved < sizeof pg->moved / sizeof *pg->moved)
		pg->moved[pg->nmoved++] = xasprintf("%s: %s", t, text);
}

/* The timer's notices and the end of the meeting: dashed lines with
 * labels in up to three rows, so that neighbours do not collide. */
static void
chart_notices(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	unsigned bottom = pg->height - CH_AXIS;
	struct label_rows lr;
	char left_end[32];

	for (int r = 0; r < LABEL_ROWS; r++)
		lr.right[r] = -1e9;
	for (enum notice n = 0; n < NOTICE_COUNT && session_planned_ms(s) > 0; n++) {
		const char *said = session_notice_text(s, n);
		if (said == NULL)
			continue;
		uint64_t at = session_notice_at(s, n);
		double x = x_at(pg, at);
		char label[64], left[32];
		switch (n) {
		case NOTICE_START: snprintf(label, sizeof label, "start: agree the time"); break;
		case NOTICE_HALF: snprintf(label, sizeof label, "half time"); break;
		case NOTICE_FIVE:
			clock_span(session_planned_ms(s) - at, left, sizeof left);
			snprintf(label, sizeof label, "%s left: wrap up", left);
			break;
		case NOTICE_TIMEUP: snprintf(label, sizeof label, "time is up"); break;
		default: snprintf(label, sizeof label, "grace over"); break;
		}
		/* When the host ended the meeting, the end's own label says so. */
		bool show = !(n == NOTICE_END && session_ended_by_clock(s));
		const char *anchor = n == NOTICE_START ? "start" : "middle";
		fprintf(fp, "<g class=\"notice-mark\"><title>");
		put_span(fp, at);
		fputs(" \xc2\xb7 ", fp);
		esc(fp, said);
		fprintf(fp, "</title><line class=\"notice\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%u\"/>",
		    x, x, CH_TOP - 4, bottom);
		int y = show ? label_y(&lr, x, anchor, label) : -1;
		if (y >= 0)
			fprintf(fp, "<text class=\"notice-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
			    x, y, anchor, label);
		else if (show)
			move_label(pg, at, label);
		fputs("</g>\n", fp);
	}
	uint64_t end = session_time_used(s);
	double x = x_at(pg, end);
	char how[64];
	clock_span(end, left_end, sizeof left_end);
	snprintf(how, sizeof how, "%s %s", session_quit(s) ? "left with /quit at" : session_ended_by_clock(s) ?
	    "the host ended it at" : "ended at", left_end);
	fprintf(fp, "<g><title>The meeting ended at ");
	put_span(fp, end);
	bool right = x > CH_W - 140;
	double tx = right ? x - 4 : x + 4;
	const char *anchor = right ? "end" : "start";
	fprintf(fp, "</title><line class=\"end\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%u\"/>",
	    x, x, CH_TOP - 4, bottom);
	int y = label_y(&lr, tx, anchor, how);
	if (y >= 0)
		fprintf(fp, "<text class=\"end-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>",
		    tx, y, anchor, how);
	else
		move_label(pg, end, how);
	fputs("</g>\n", fp);
}

/* Flag labels beside their points, where nothing else is drawn. */
#define FLAG_CHAR 6.4   /* chart units per character of a 10.5px label */

static void
take(struct page *pg, double x0, double y0, double x1, double y1)
{
	xgrow((void **)&pg->taken, &pg->captaken, pg->ntaken + 1, sizeof *pg->taken);
	pg->taken[pg->ntaken++] = (struct box){x0, y0, x1, y1};
}

static bool
free_at(const struct page *pg, const struct box *b)
{
	if (b->x0 < CH_LEFT || b->x1 > CH_W - 2)
		return false;
	for (size_t i = 0; i < pg->ntaken; i++) {
		const struct box *t = &pg->taken[i];
		if (b->x0 < t->x1 && t->x0 < b->x1 && b->y0 < t->y1 && t->y0 < b->y1)
			return false;
	}
	return true;
}

/*
 * Where a label of len characters goes beside the point at (x, y): the
 * first of four places (right of the point or left of it, above its
 * centre or below) that stays on the chart and clears everything drawn
 * or placed so far; it is then taken.  The baseline's start in *tx, *ty;
 * false when no place is free.
 */
static bool
place_label(struct page *pg, double x, double y, size_t len, double *tx, double *ty)
{
	double w = FLAG_CHAR * (double)len + 2;
	const double dx[] = {10, -10 - w, 10, -10 - w};
	const double base[] = {y - 6, y - 6, y + 13, y + 13};
	for (size_t i = 0; i < 4; i++) {
		struct box b = {x + dx[i], base[i] - 9, x + dx[i] + w, base[i] + 3};
		if (free_at(pg, &b)) {
			take(pg, b.x0, b.y0, b.x1, b.y1);
			*tx = b.x0;
			*ty = base[i];
			return true;
		}
	}
	return false;
}

/* The points and the notices' and end's lines, as boxes labels must
 * clear. */
static void
take_marks(struct page *pg)
{
	struct session *s = pg->s;
	unsigned bottom = pg->height - CH_AXIS;
	pg->ntaken = 0;
	for (size_t t = 0; t < s->nturns; t++) {
		double x = x_at(pg, s->turns[t].at_ms);
		double y = pg->lane_y[lane_of(&s->turns[t])];
		take(pg, x - 7, y - 7, x + 7, y + 7);
	}
	for (enum notice n = 0; n < NOTICE_COUNT && session_planned_ms(s) > 0; n++)
		if (session_notice_text(s, n) != NULL) {
			double x = x_at(pg, session_notice_at(s, n));
			take(pg, x - 2, CH_TOP - 4, x + 2, bottom);
		}
	double x = x_at(pg, session_time_used(s));
	take(pg, x - 2, CH_TOP - 4, x + 2, bottom);
}

/*
 * Place the flag labels (the rule of each flagged point's worst flag)
 * into lx, ly (NAN: not drawn).  When one of them finds no free place,
 * the chart is crowded: each flagged point is numbered instead, as its
 * flag is in the Flags list, which is then the chart's legend.
 */
static void
place_flag_labels(struct page *pg, double *lx, double *ly)
{
	struct session *s = pg->s;
	size_t nflagged = 0;
	for (size_t t = 0; t < s->nturns; t++) {
		lx[t] = ly[t] = NAN;
		nflagged += s->turns[t].flagged;
	}
	if (nflagged == 0 || nflagged > MAX_FLAG_LABELS)
		return;
	take_marks(pg);
	bool all = true;
	for (size_t t = 0; t < s->nturns && all; t++) {
		const struct flagnote *f = worst_flag(pg, t);
		if (f != NULL) {
			double x = x_at(pg, s->turns[t].at_ms);
			double y = pg->lane_y[lane_of(&s->turns[t])];
			all = place_label(pg, x, y, strlen(f->rule->id), &lx[t], &ly[t]);
		}
	}
	if (all)
		return;
	pg->numbered = true;
	take_marks(pg);
	for (size_t t = 0; t < s->nturns; t++) {
		lx[t] = ly[t] = NAN;
		const struct flagnote *f = worst_flag(pg, t);
		if (f == NULL)
			continue;
		char num[24];
		snprintf(num, sizeof num, "%zu", (size_t)(f - s->flags) + 1);
		double x = x_at(pg, s->turns[t].at_ms);
		double y = pg->lane_y[lane_of(&s->turns[t])];
		if (!place_label(pg, x, y, strlen(num), &lx[t], &ly[t]))
			lx[t] = ly[t] = NAN;
	}
}

/* One point for each line said to the host. */
static void
chart_points(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	double *lx = xcalloc(s->nturns + 1, sizeof *lx), *ly = xcalloc(s->nturns + 1, sizeof *ly);
	place_flag_labels(pg, lx, ly);

	for (size_t t = 0; t < s->nturns; t++) {
		const struct turn *tn = &s->turns[t];
		double x = x_at(pg, tn->at_ms);
		unsigned y = pg->lane_y[lane_of(tn)];
		const struct flagnote *f = worst_flag(pg, t);
		fprintf(fp, "<a href=\"#r%zu\"%s%s%s><title>", pg->record_of[t] + 1,
		    f ? " class=\"sev-" : "", f ? severity_name(f->sev) : "", f ? "\"" : "");
		put_span(fp, tn->at_ms);
		fputs(" \xc2\xb7 ", fp);
		put_about(fp, tn);
		if (f != NULL) {
			fprintf(fp, " \xc2\xb7 %s [", severity_name(f->sev));
			esc(fp, f->rule->id);
			fputs("]", fp);
		}
		fputs(": ", fp);
		esc_n(fp, tn->text, TIP_MAX);
		fputs("</title>", fp);
		if (f == NULL) {
			fprintf(fp, "<circle class=\"dot c-%s\" cx=\"%.1f\" cy=\"%u\" r=\"5.5\"/>", cat_class(shown_cat(tn)), x, y);
		} else {
			fprintf(fp, "<path class=\"dot mark c-%s\" d=\"M%.1f %.1fl7 7l-7 7l-7-7z\"/>",
			    cat_class(shown_cat(tn)), x, (double)y - 7);
			if (!isnan(lx[t])) {
				fprintf(fp, "<text class=\"flag-label sev-%s\" x=\"%.1f\" y=\"%.1f\">",
				    severity_name(f->sev), lx[t], ly[t]);
				if (pg->numbered)
					fprintf(fp, "%zu", (size_t)(f - s->flags) + 1);
				else
					esc_n(fp, f->rule->id, 60);
				fputs("</text>", fp);
			}
		}
		fputs("</a>\n", fp);
	}
	free(lx);
	free(ly);
}

static void
section_timeline(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	unsigned q = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		q += s->asked[c];

	fputs("<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n"
	    "<h2 id=\"timeline-h\">Timeline</h2>\n"
	    "<p class=\"muted\">Each line you said to the host, at its time, in the row of its topic; "
	    "flagged lines are diamonds ringed in the colour of their severity. "
	    "Every line, with its time and speaker, is in <a href=\"#conversation\">the conversation</a> "
	    "at the end of the page; select a point to go to its line.</p>\n"
	    "<figure>\n<div class=\"scroll\">\n", fp);
	/* Many points: rings would paint over their neighbours' colour. */
	fprintf(fp, "<svg class=\"timeline%s\" viewBox=\"0 0 %d %u\" role=\"img\" "
	    "aria-labelledby=\"chart-title chart-desc\">\n<title id=\"chart-title\">Timeline of the conversation"
	    "</title>\n<desc id=\"chart-desc\">%zu line%s said to the host over ",
	    s->nturns > DENSE ? " dense" : "", CH_W, pg->height, s->nturns, s->nturns == 1 ? "" : "s");
	put_span(fp, session_time_used(s));
	fprintf(fp, " (minutes:seconds), %u of them questions with a topic and %zu flag%s. "
	    "The conversation at the end of the page lists every line.</desc>\n", q, s->nflags,
	    s->nflags == 1 ? "" : "s");
	chart_axes(pg);
	chart_notices(pg);
	chart_points(pg);
	fputs("</svg>\n</div>\n<figcaption><span><i class=\"key\"></i>a line said, coloured by its topic</span>", fp);
	fputs(pg->numbered ? "<span><i class=\"key flag\"></i>a flagged line, numbered as in "
	    "<a href=\"#flags\">the flags</a> below (too many close together to name on the chart)</span>" :
	    "<span><i class=\"key flag\"></i>a flagged line, with its rule</span>", fp);
	for (size_t i = 0; i < pg->nmoved; i++) {
		fputs("<span class=\"moved\">", fp);
		esc(fp, pg->moved[i]);
		fputs("</span>", fp);
	}
	if (session_planned_ms(s) > 0)
		fputs("<span><i class=\"key notice\"></i>a notice of the timer</span>"
		    "<span><i class=\"key band\"></i>the planned time</span>"
		    "<span><i class=\"key grace\"></i>the grace</span>", fp);
	fputs("</figcaption>\n</figure>\n</section>\n", fp);
}

/* The whole conversation, as a list that works without the chart. */
static void
section_conversation(struct page *pg)
{
	FILE *fp = pg->fp;
	const struct transcript_doc *d = pg->d;
	struct session *s = pg->s;

	fputs("<section id=\"conversation\" aria-labelledby=\"conversation-h\">\n"
	    "<h2 id=\"conversation-h\">The conversation, line by line</h2>\n"
	    "<ol class=\"conversation\">\n", fp);
	for (size_t i = 0; i < d->nrecords; i++) {
		const struct transcript_record *rec = &d->records[i];
		size_t t = pg->r->turn[i];
		const char *cls = "host";
		bool notice = false;
		if (rec->speaker == SPEAKER_YOU)
			cls = "you";
		else if (rec->speaker == SPEAKER_UNSENT)
			cls = "you unsent";
		else if (rec->speaker == SPEAKER_PROGRAM)
			cls = "program";
		else if (rec->speaker == SPEAKER_COACH) {
			cls = "coach";
			for (enum notice n = 0; n < NOTICE_COUNT && !notice; n++) {
				const char *said = session_notice_text(pg->s, n);
				notice = said != NULL && strcmp(said, rec->text) == 0;
			}
		}
		enum severity w = t != REPLAY_NO_TURN ? worst_sev(pg, t) : SEV_NONE;
		fprintf(fp, "<li class=\"rec %s%s", cls, notice ? " notice" : "");
		if (w != SEV_NONE)
			fprintf(fp, " flagged worst-%s", severity_name(w));
		fprintf(fp, "\" id=\"r%zu\"><time>", i + 1);
		put_span(fp, rec->at_ms);
		fputs("</time><span class=\"who\">", fp);
		if (rec->speaker == SPEAKER_YOU)
			fputs("You", fp);
		else if (rec->speaker == SPEAKER_UNSENT)
			fputs("You, typed but not sent", fp);
		else if (rec->speaker == SPEAKER_COACH)
			fputs("Coach", fp);
		else
			esc(fp, rec->who);
		fputs("</span><div class=\"body\"><p>", fp);
		esc(fp, rec->text);
		fputs("</p>", fp);
		if (t != REPLAY_NO_TURN) {
			const struct turn *tn = &s->turns[t];
			enum category c = shown_cat(tn);
			fprintf(fp, "<p class=\"tags\"><span class=\"chip c-%s\" title=\"", cat_class(c));
			esc(fp, tn->act == ACT_CLARIFY ? "a question on what the host said, not a new topic" :
			    c == CAT_NONE ? "no topic the coach recognised" : category_about(c));
			fputs("\">", fp);
			put_about(fp, tn);
			fputs("</span>", fp);
			for (size_t f = pg->first_flag[t]; f < s->nflags && s->flags[f].turn == t; f++) {
				fprintf(fp, "<a class=\"flag sev-%s\" href=\"#flag%zu\">%s <code>",
				    severity_name(s->flags[f].sev), f + 1, severity_name(s->flags[f].sev));
				esc(fp, s->flags[f].rule->id);
				fputs("</code></a>", fp);
			}
			fputs("</p>", fp);
		}
		fputs("</div></li>\n", fp);
	}
	fputs("</ol>\n</section>\n", fp);
}

static void
section_score(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;

	fputs("<section id=\"score\" aria-labelledby=\"score-h\">\n<h2 id=\"score-h\">Score</h2>\n", fp);
	if (session_planned_ms(s) == 0) {
		fputs("<p class=\"note\">No score: this was untimed practice. The score weighs the pacing "
		    "against a planned length, so it needs a timed session: rehearse with "
		    "<code>infocoach mock</code>, or practise with <code>--duration</code>.</p>\n"
		    "</section>\n", fp);
		return;
	}
	struct score sc;
	report_score(s, &sc);
	fprintf(fp, "<div class=\"score\"><p class=\"total %s\" aria-label=\"Score %d out of 100\">%d<small>/100</small></p>\n"
	    "<ul class=\"parts\">\n", sc.total >= 80 ? "high" : sc.total >= 50 ? "mid" : "low", sc.total, sc.total);
	for (int i = 0; i < SCORE_PARTS; i++) {
		const struct score_part_info *part = &score_parts[i];
		fprintf(fp, "<li><span>%s</span><span class=\"bar\" aria-hidden=\"true\"><span style=\"width:%d%%\">"
		    "</span></span><span class=\"num\">%d/%d</span><span class=\"why\">%s</span></li>\n",
		    part->name, sc.part[i] * 100 / part->max, sc.part[i], part->max, part->why);
	}
	fputs("</ul></div>\n<h3>Pacing</h3>\n<ul class=\"pacing\">\n", fp);
	/* The report's own pacing lines. */
	struct pacing pace;
	report_pacing_lines(s, &pace);
	for (size_t i = 0; i < pace.n; i++) {
		fputs("<li>", fp);
		esc(fp, pace.line[i]);
		fputs("</li>\n", fp);
	}
	report_pacing_free(&pace);
	fputs("</ul>\n</section>\n", fp);
}

static void
section_coverage(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	unsigned per_tier[TIER_COUNT] = {0}, topics[TIER_COUNT] = {0}, covered[TIER_COUNT] = {0}, most = 1;
	for (int c = 0; c < CAT_COUNT; c++) {
		enum tier t = category_tier((enum category)c);
		per_tier[t] += s->asked[c];
		topics[t]++;
		covered[t] += s->asked[c] > 0;
		if (s->asked[c] > most)
			most = s->asked[c];
	}
	fputs("<section id=\"coverage\" aria-labelledby=\"coverage-h\">\n<h2 id=\"coverage-h\">Coverage</h2>\n"
	    "<div class=\"tiers\">\n", fp);
	for (int t = 0; t < TIER_COUNT; t++)
		fprintf(fp, "<div><span>%s</span><b>%u of %u topic%s</b><span>%u question%s counted</span></div>\n",
		    tier_title((enum tier)t), covered[t], topics[t], topics[t] == 1 ? "" : "s", per_tier[t],
		    per_tier[t] == 1 ? "" : "s");
	fputs("</div>\n<div class=\"scroll\">\n<table class=\"coverage\">\n<caption>Questions by topic; for a topic you did not touch, a question "
	    "from the bank</caption>\n<thead><tr><th scope=\"col\">Tier</th><th scope=\"col\">Topic</th>"
	    "<th scope=\"col\">Asked</th><th scope=\"col\">About / next time</th></tr></thead>\n<tbody>\n", fp);
	for (int t = 0; t < TIER_COUNT; t++) {
		bool first = true;
		for (int c = 0; c < CAT_COUNT; c++) {
			if (category_tier((enum category)c) != (enum tier)t)
				continue;
			fprintf(fp, "<tr class=\"%s\">", s->asked[c] ? "touched" : "untouched");
			if (first)
				fprintf(fp, "<th scope=\"rowgroup\" rowspan=\"%u\">%s</th>", topics[t], tier_title((enum tier)t));
			first = false;
			fprintf(fp, "<td><span class=\"chip c-%s\">", category_name((enum category)c));
			put_cat(fp, (enum category)c);
			fprintf(fp, "</span></td><td class=\"count c-%s\">%u<span class=\"bar\" aria-hidden=\"true\">"
			    "<span style=\"width:%u%%\"></span></span></td><td class=\"next\">",
			    category_name((enum category)c), s->asked[c], s->asked[c] * 100 / most);
			if (s->asked[c] > 0) {
				esc(fp, report_topic((enum category)c));
			} else if (pg->sugg[c] != NULL) {
				fputs("Not touched. You could ask: ", fp);
				esc(fp, pg->sugg[c]->text);
			} else {
				fputs("Not touched: ", fp);
				esc(fp, report_topic((enum category)c));
			}
			fputs("</td></tr>\n", fp);
		}
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", fp);
}

static void
section_flags(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;

	fprintf(fp, "<section id=\"flags\" aria-labelledby=\"flags-h\">\n<h2 id=\"flags-h\">Flags (%zu)</h2>\n",
	    s->nflags);
	if (s->nflags == 0) {
		fputs(report_questions(s) == 0 ? "<p>None, but nothing was practised: you asked no questions.</p>\n</section>\n" :
		    "<p class=\"good\">None: you kept to the etiquette.</p>\n</section>\n", fp);
		return;
	}
	fputs("<ol class=\"flags\">\n", fp);
	for (size_t i = 0; i < s->nflags; i++) {
		const struct flagnote *f = &s->flags[i];
		const struct turn *tn = &s->turns[f->turn];
		fprintf(fp, "<li class=\"sev-%s\" id=\"flag%zu\"><p><span class=\"flag sev-%s\">%s <code>",
		    severity_name(f->sev), i + 1, severity_name(f->sev), severity_name(f->sev));
		esc(fp, f->rule->id);
		fputs("</code></span> <span class=\"muted\">", fp);
		for (const char *k = kind_name(f->rule->kind); k != NULL && *k; k++)
			fputc(*k == '_' ? ' ' : *k, fp);
		fprintf(fp, ", at <a href=\"#r%zu\">", pg->record_of[f->turn] + 1);
		put_span(fp, tn->at_ms);
		fputs("</a></span></p>\n<blockquote>", fp);
		esc(fp, tn->text);
		fputs("</blockquote>\n<p>", fp);
		esc(fp, f->rule->message);
		fputs("</p>\n<p class=\"try\"><strong>Try instead:</strong> ", fp);
		char *try = report_try(s, f);
		esc(fp, try);
		free(try);
		fputs("</p></li>\n", fp);
	}
	fputs("</ol>\n</section>\n", fp);
}

static void
section_closing(struct page *pg)
{
	FILE *fp = pg->fp;
	struct session *s = pg->s;
	static const struct {
		enum category c;
		const char *yes, *no;
	} ask[] = {
		{CAT_REFERRALS, "You asked whom else you could talk to", "You did not ask whom else you could talk to"},
		{CAT_MENTION_NAME, "You asked whether you may use their name",
		    "You did not ask whether you may use their name"},
	};

	fputs("<section id=\"closing\" aria-labelledby=\"closing-h\">\n<h2 id=\"closing-h\">Closing</h2>\n"
	    "<ul class=\"checklist\">\n", fp);
	for (size_t i = 0; i < sizeof ask / sizeof *ask; i++) {
		size_t t = 0;
		while (t < s->nturns && s->turns[t].cat != ask[i].c)
			t++;
		if (t < s->nturns) {
			fprintf(fp, "<li class=\"yes\">%s, at <a href=\"#r%zu\">", ask[i].yes, pg->record_of[t] + 1);
			put_span(fp, s->turns[t].at_ms);
			fputs("</a>.</li>\n", fp);
		} else {
			fprintf(fp, "<li class=\"no\">%s.", ask[i].no);
			if (pg->sugg[ask[i].c] != NULL) {
				fputs(" Next time, ask: <q>", fp);
				esc(fp, pg->sugg[ask[i].c]->text);
				fputs("</q>", fp);
			}
			fputs("</li>\n", fp);
		}
	}
	fprintf(fp, "<li class=\"%s\">%s</li>\n</ul>\n</section>\n", s->thanked ? "yes" : "no",
	    s->thanked ? "You thanked the host." :
	    "You did not thank the host: it is the last thing they will remember.");
}

/* The user's own list (--questions), when the transcript keeps it: each
 * question asked or not, those asked later than the list has them, and
 * those added on the spot. */
static void
section_plan(struct page *pg)
{
	FILE *fp = pg->fp;
	const struct plan *p = pg->s->cfg.plan;
	if (p == NULL)
		return;
	fputs("<section id=\"plan\" aria-labelledby=\"plan-h\">\n<h2 id=\"plan-h\">Your list", fp);
	if (p->file[0] != '\0') {
		fputs(" (", fp);
		esc(fp, p->file);
		fputs(")", fp);
	}
	fprintf(fp, ": %zu of %zu question%s asked</h2>\n<ul class=\"checklist\">\n", p->nasked, p->n,
	    p->n == 1 ? "" : "s");
	for (size_t i = 0; i < p->n; i++) {
		const struct plan_item *it = &p->items[i];
		fprintf(fp, "<li class=\"%s\">line %lu: <q>", it->turn != PLAN_NOT_ASKED ? "yes" : "no", it->line);
		esc(fp, it->text);
		fputs("</q>", fp);
		if (it->turn == PLAN_NOT_ASKED) {
			fputs(" Not asked.", fp);
		} else if (it->turn < pg->s->nturns) {
			fprintf(fp, " Asked at <a href=\"#r%zu\">", pg->record_of[it->turn] + 1);
			put_span(fp, pg->s->turns[it->turn].at_ms);
			fputs(plan_late(p, i) ? "</a>, later than the list has it." : "</a>.", fp);
		}
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n", fp);
	if (p->nadded > 0) {
		fprintf(fp, "<p>Added on the spot (%zu):</p>\n<ul>\n", p->nadded);
		for (size_t i = 0; i < p->nadded; i++) {
			fputs("<li><q>", fp);
			esc(fp, p->added[i]);
			fputs("</q></li>\n", fp);
		}
		fputs("</ul>\n", fp);
	}
	fputs("</section>\n", fp);
}

/* The reviews appended to the transcript (infocoach review, /review):
 * each item, its tries and the verdicts given at the time. */
static void
section_review(struct page *pg)
{
	FILE *fp = pg->fp;
	const struct transcript_doc *d = pg->d;
	if (d->nreviews == 0)
		return;
	fputs("<section id=\"review\" aria-labelledby=\"review-h\">\n<h2 id=\"review-h\">Redone afterwards</h2>\n", fp);
	for (size_t r = 0; r < d->nreviews; r++) {
		struct review_log *l = review_log_read(&d->reviews[r]);
		fputs("<h3>Review", fp);
		if (d->reviews[r].started != NULL) {
			fputs(" of ", fp);
			esc(fp, d->reviews[r].started);
		}
		char *sum = review_summary(l->better, l->total, l->tried, l->n);
		fprintf(fp, ": %s</h3>\n<ol class=\"flags\">\n", sum);
		free(sum);
		for (size_t i = 0; i < l->n; i++) {
			const struct review_log_item *it = &l->items[i];
			fprintf(fp, "<li class=\"%s\"><p>", it->better ? "yes" : "no");
			if (it->missed) {
				fputs("Not asked: ", fp);
				if (it->cat != CAT_NONE)
					put_cat(fp, it->cat);
				else
					esc(fp, it->said);
				fputs("</p>\n", fp);
			} else {
				fputs("You said", fp);
				if (it->turn > 0)
					fprintf(fp, " (turn %lu)", it->turn);
				fputs(" <code>", fp);
				esc(fp, it->rules);
				fputs("</code></p>\n<blockquote>", fp);
				esc(fp, it->said);
				fputs("</blockquote>\n", fp);
			}
			if (it->ntries == 0)
				fputs("<p class=\"muted\">No try.</p>\n", fp);
			for (size_t k = 0; k < it->ntries; k++) {
				const struct review_log_try *t = &it->tries[k];
				fprintf(fp, "<p class=\"try\"><strong>Try %zu:</strong> <q>", k + 1);
				esc(fp, t->text);
				fputs("</q>", fp);
				if (t->verdict != NULL) {
					fprintf(fp, " <span class=\"%s\">%s:</span> ", t->better ? "good" : "muted",
					    t->better ? "better" : "not yet");
					esc(fp, t->verdict);
				}
				fputs("</p>\n", fp);
			}
			fputs("</li>\n", fp);
		}
		fputs("</ol>\n", fp);
		review_log_free(l);
	}
	fputs("</section>\n", fp);
}

static void
page_top(struct page *pg)
{
	FILE *fp = pg->fp;
	const struct transcript_doc *d = pg->d;
	struct session *s = pg->s;
	const struct persona *p = pg->r->persona;
	unsigned q = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		q += s->asked[c];

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " " PACKAGE_VERSION "\">\n<title>", fp);
	fprintf(fp, "%s with ", d->mock ? "Mock interview" : "Practice");
	esc(fp, p->name);
	fputs(" \xe2\x80\x94 infocoach report</title>\n<style>\n", fp);
	fputs(css, fp);
	put_hues(fp);
	fputs("</style>\n</head>\n<body>\n<header class=\"top\">\n", fp);
	fprintf(fp, "<p class=\"kicker\">infocoach \xc2\xb7 %s report</p>\n<h1>Your conversation with ",
	    d->mock ? "mock interview" : "practice session");
	esc(fp, p->name);
	fputs("</h1>\n<p class=\"sub\">", fp);
	esc(fp, p->role);
	fputs(" at ", fp);
	esc(fp, p->employer);
	fputs("</p>\n<dl class=\"facts\">\n<div><dt>Bank</dt><dd>", fp);
	esc(fp, pg->r->bank->title);
	fputs(" <span class=\"muted\">(", fp);
	esc(fp, pg->r->bank->id);
	fputs(")</span></dd></div>\n<div><dt>Started</dt><dd>", fp);
	esc(fp, d->started);
	fputs("</dd></div>\n<div><dt>Time used</dt><dd>", fp);
	put_span(fp, session_time_used(s));
	if (session_planned_ms(s) > 0) {
		fputs(" <span class=\"muted\">of ", fp);
		put_span(fp, session_planned_ms(s));
		fputs(" planned</span>", fp);
	} else {
		fputs(" <span class=\"muted\">untimed</span>", fp);
	}
	fprintf(fp, "</dd></div>\n<div><dt>You said</dt><dd>%zu line%s <span class=\"muted\">%u question%s "
	    "counted</span></dd></div>\n</dl>\n</header>\n<main>\n", s->nturns, s->nturns == 1 ? "" : "s",
	    q, q == 1 ? "" : "s");
}

static void
page_bottom(struct page *pg)
{
	FILE *fp = pg->fp;
	fputs("</main>\n<footer>\n<p>Made by " PACKAGE_NAME " " PACKAGE_VERSION " from the transcript <code>", fp);
	esc(fp, pg->d->file);
	fputs("</code>, replayed with the rules and bank installed when the page was made. "
	    "The page is self-contained: it loads nothing.</p>\n</footer>\n</body>\n</html>\n", fp);
}

int
report_html(FILE *fp, const struct transcript_doc *d, struct replay *r)
{
	struct page pg = {.fp = fp, .d = d, .r = r, .s = r->s};
	struct session *s = r->s;

	report_untouched(s, pg.sugg);
	pg.first_flag = xcalloc(s->nturns + 1, sizeof *pg.first_flag);
	pg.record_of = xcalloc(s->nturns + 1, sizeof *pg.record_of);
	for (size_t t = 0; t < s->nturns; t++)
		pg.first_flag[t] = SIZE_MAX;
	for (size_t f = s->nflags; f-- > 0;)
		pg.first_flag[s->flags[f].turn] = f;
	for (size_t i = 0; i < d->nrecords; i++)
		if (r->turn[i] != REPLAY_NO_TURN)
			pg.record_of[r->turn[i]] = i;
	layout(&pg);

	page_top(&pg);
	section_score(&pg);
	section_timeline(&pg);
	section_coverage(&pg);
	section_flags(&pg);
	section_closing(&pg);
	section_plan(&pg);
	section_review(&pg);
	section_conversation(&pg);
	page_bottom(&pg);

	free(pg.first_flag);
	free(pg.record_of);
	free(pg.taken);
	for (size_t i = 0; i < pg.nmoved; i++)
		free(pg.moved[i]);
	return ferror(fp) ? -1 : 0;
}
