/*
 * report.c -- what the coach says about a session as a whole (see
 * report.h).
 */
#include <config.h>

#include "report.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "plan.h"
#include "reword.h"
#include "session.h"
#include "text.h"
#include "xmalloc.h"


/* Each topic as the seeker names it to the user ("their ...") and to the
 * host in the thank-you note ("your ..."). */
static const struct {
	const char *theirs;
	const char *yours;
} topic[CAT_COUNT] = {
	[CAT_TYPICAL_DAY] = {"what their days and weeks look like", "what your days look like"},
	[CAT_LIKES] = {"what they enjoy most in the work", "what you enjoy most in your work"},
	[CAT_CHALLENGES] = {"the hard parts of the work", "the hard parts of your work"},
	[CAT_QUALITIES] = {"the skills and training the work needs", "the skills your work needs"},
	[CAT_MISSION] = {"how their work serves the organisation's mission", "how your work serves your organisation"},
	[CAT_ADVANCEMENT] = {"how people advance in the field", "how people advance in your field"},
	[CAT_ENTRY_PATH] = {"how they got into the field", "how you got into your field"},
	[CAT_EXPECTATIONS] = {"what surprised them about the work", "what surprised you about the work"},
	[CAT_INFLUENCES] = {"who shaped their career", "the people who shaped your career"},
	[CAT_ADVICE] = {"their advice for you", "what I could do next"},
	[CAT_WORKPLACE] = {"the culture, hours and pace of the workplace", "the culture of your workplace"},
	[CAT_INDUSTRY_TRENDS] = {"how the field is changing", "how your field is changing"},
	[CAT_REFERRALS] = {"whom else you could talk to", "whom else I could talk to"},
	[CAT_MENTION_NAME] = {"whether you may use their name", "using your name"},
};

const char *
report_topic(enum category c)
{
	return c >= 0 && c < CAT_COUNT ? topic[c].theirs : NULL;
}

const enum category report_order[CAT_COUNT] = {
	CAT_TYPICAL_DAY, CAT_ENTRY_PATH, CAT_LIKES, CAT_CHALLENGES, CAT_QUALITIES,
	CAT_WORKPLACE, CAT_ADVANCEMENT, CAT_MISSION, CAT_EXPECTATIONS, CAT_INFLUENCES,
	CAT_INDUSTRY_TRENDS, CAT_ADVICE, CAT_REFERRALS, CAT_MENTION_NAME,
};

const struct question *
report_suggest(struct session *s, enum category want)
{
	const struct bank *b = s->cfg.bank;
	if (want == CAT_NONE) {
		for (size_t i = 0; i < CAT_COUNT && want == CAT_NONE; i++)
			if (s->asked[report_order[i]] == 0)
				want = report_order[i];
		if (want == CAT_NONE)
			want = CAT_ADVICE;
	}
	/* Not a question that leans on another ("these changes"): it is
	 * suggested alone. */
	size_t n = 0;
	for (size_t i = 0; i < b->nquestions; i++)
		n += b->questions[i].cat == want && !question_leans_back(&b->questions[i]);
	if (n == 0)
		return NULL;
	size_t pick = host_random(&s->host, n);
	for (size_t i = 0; i < b->nquestions; i++)
		if (b->questions[i].cat == want && !question_leans_back(&b->questions[i]) && pick-- == 0)
			return &b->questions[i];
	return NULL;
}

void
report_untouched(struct session *s, const struct question *out[CAT_COUNT])
{
	for (size_t i = 0; i < CAT_COUNT; i++)
		out[i] = NULL;
	for (size_t i = 0; i < CAT_COUNT; i++) {
		enum category c = report_order[i];
		if (s->asked[c] == 0 && c != CAT_REFERRALS && c != CAT_MENTION_NAME)
			out[c] = report_suggest(s, c);
	}
	if (s->asked[CAT_REFERRALS] == 0)
		out[CAT_REFERRALS] = report_suggest(s, CAT_REFERRALS);
	if (s->asked[CAT_MENTION_NAME] == 0)
		out[CAT_MENTION_NAME] = report_suggest(s, CAT_MENTION_NAME);
}

char *
report_try(const struct session *s, const struct flagnote *f)
{
	if (f->rule->kind != KIND_CLOSED)
		return xstrdup(f->rule->suggestion);
	const char *q = s->turns[f->turn].text;
	return reword_closed(q, strlen(q), false);
}

char *
report_flags(struct session *s)
{
	struct text_buf b = {0};
	text_buf_add(&b, "Flags (%zu):", s->nflags);
	for (size_t i = 0; i < s->nflags; i++) {
		const struct flagnote *f = &s->flags[i];
		char *try = report_try(s, f);
		text_buf_add(&b, "\n    %s [%s] \"%s\"\n      %s", severity_name(f->sev), f->rule->id,
		    s->turns[f->turn].text, try);
		free(try);
	}
	return b.p;
}

unsigned
report_questions(const struct session *s)
{
	unsigned n = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		n += s->asked[c];
	return n;
}

char *
report_text(struct session *s)
{
	struct text_buf b = {0};
	const struct persona *p = s->cfg.persona;
	char used[32];
	clock_span(session_time_used(s), used, sizeof used);
	unsigned tiers[TIER_COUNT] = {0};
	unsigned questions = 0;
	for (int c = 0; c < CAT_COUNT; c++) {
		tiers[category_tier((enum category)c)] += s->asked[c];
		questions += s->asked[c];
	}

	text_buf_add(&b, "Report: your conversation with %s, %s at %s\n", p->name, p->role, p->employer);
	if (session_planned_ms(s) > 0) {
		char planned[32];
		clock_span(session_planned_ms(s), planned, sizeof planned);
		text_buf_add(&b, "  Time used: %s of %s planned\n", used, planned);
	} else {
		text_buf_add(&b, "  Time used: %s (untimed practice)\n", used);
	}
	/* Going deeper counts too, though on no new topic. */
	size_t deeper = 0;
	for (size_t i = 0; i < s->nturns; i++)
		deeper += s->turns[i].act == ACT_FOLLOW_UP && !s->turns[i].late;
	char more[48] = "";
	if (deeper > 0)
		snprintf(more, sizeof more, ", and %zu follow-up%s", deeper, deeper == 1 ? "" : "s");
	text_buf_add(&b, "  Questions counted: %u (about the job %u, the industry %u, closing %u)%s; lines said: %zu\n",
	    questions, tiers[TIER_JOB], tiers[TIER_INDUSTRY], tiers[TIER_CLOSING], more, s->nturns);
	if (s->unclear > 0) {
		text_buf_add(&b, "  Not counted (%u): the topic was too unclear to count as covered, so the host answered "
		    "a guess; ask %s more plainly:\n", s->unclear, s->unclear == 1 ? "it" : "them");
		for (size_t i = 0; i < s->nturns; i++)
			if (s->turns[i].act == ACT_QUESTION && s->turns[i].cat != CAT_NONE && !s->turns[i].counted) {
				char *q = text_sanitize(s->turns[i].text, strlen(s->turns[i].text));
				text_buf_add(&b, "    \"%s\"\n", q);
				free(q);
			}
	}
	if (s->unsent != NULL) {
		char *u = text_sanitize(s->unsent, strlen(s->unsent));
		text_buf_add(&b, "  Not sent: \"%s\" was typed when the meeting ended; it was not said and does not count\n", u);
		free(u);
	}
	if (questions > 0) {
		/* Topics as people read them: "typical day 1, industry trends 2". */
		const char *sep = " ";
		text_buf_add(&b, "  By topic:");
		for (int c = 0; c < CAT_COUNT; c++)
			if (s->asked[c] > 0) {
				text_buf_add(&b, "%s%s %u", sep, category_words((enum category)c), s->asked[c]);
				sep = ", ";
			}
		text_buf_add(&b, "\n");
	}
	const struct question *sugg[CAT_COUNT];
	report_untouched(s, sugg);
	bool any = false;
	for (size_t i = 0; i < CAT_COUNT; i++) {
		enum category c = report_order[i];
		if (s->asked[c] > 0 || c == CAT_REFERRALS || c == CAT_MENTION_NAME)
			continue;
		if (!any)
			text_buf_add(&b, "  Not touched yet:\n");
		any = true;
		const struct question *q = sugg[c];
		/* Two spaces at least after the name, so a wrapped row goes on
		 * under its own text (voice.c's hanging indent). */
		text_buf_add(&b, "    %-15s  %s\n", category_words(c), q ? q->text : topic[c].theirs);
	}
	if (s->nflags == 0 && questions == 0) {
		text_buf_add(&b, "  Flags: none, but nothing was practised: you asked no questions.\n");
	} else if (s->nflags == 0) {
		text_buf_add(&b, "  Flags: none. You kept to the etiquette.\n");
	} else {
		char *f = report_flags(s);
		text_buf_add(&b, "  %s\n", f);
		free(f);
	}
	const struct question *qr = sugg[CAT_REFERRALS];
	const struct question *qn = sugg[CAT_MENTION_NAME];
	text_buf_add(&b, "  Closing: referrals %s; permission to use their name %s; thanked the host: %s\n",
	    s->asked[CAT_REFERRALS] ? "asked" : "not asked",
	    s->asked[CAT_MENTION_NAME] ? "asked" : "not asked", s->thanked ? "yes" : "no");
	if (qr != NULL)
		text_buf_add(&b, "    Next time, close with: %s\n", qr->text);
	if (qn != NULL)
		text_buf_add(&b, "    And ask: %s\n", qn->text);
	if (!s->thanked)
		text_buf_add(&b, "    Thank the host before you leave: it is the last thing they will remember.\n");
	if (s->cfg.plan != NULL) {
		char *own = plan_report(s->cfg.plan);
		text_buf_add(&b, "%s", own);
		free(own);
	}
	if (session_planned_ms(s) > 0) {
		char *pace = report_pacing(s);
		text_buf_add(&b, "%s", pace);
		free(pace);
	}
	if (b.len > 0 && b.p[b.len - 1] == '\n')
		b.p[--b.len] = '\0';
	return b.p;
}

/* When the first question of category c came, or UINT64_MAX. */
static uint64_t
first_asked(const struct session *s, enum category c)
{
	for (size_t i = 0; i < s->nturns; i++)
		if ((s->turns[i].cat == c || s->turns[i].cat2 == c) && s->turns[i].counted)
			return s->turns[i].at_ms;
	return UINT64_MAX;
}

/* The weights below and the sentences in score_parts say the same
 * thing: change them together (the man page follows the sentences). */
#define ETIQUETTE_MAX      40
#define ETIQUETTE_ERROR    15   /* taken off for each flag of a severity */
#define ETIQUETTE_WARNING  5
#define ETIQUETTE_INFO     1
#define COVERAGE_JOB_EACH  3    /* each job topic asked ... */
#define COVERAGE_JOB_MAX   15   /* ... up to this */
#define COVERAGE_INDUSTRY  10
#define CLOSING_REFERRALS  8
#define CLOSING_NAME       7
#define CLOSING_THANKS     5
#define PACING_ENDED       10   /* the user ended the meeting, having asked */
#define PACING_CLOSED      5    /* both closing questions asked in time */

const struct score_part_info score_parts[SCORE_PARTS] = {
	[SCORE_ETIQUETTE] = {"Etiquette", "etiquette", ETIQUETTE_MAX,
	    "40, less 15 for each error flag, 5 for each warning and 1 for each info; 0 when nothing was asked"},
	[SCORE_COVERAGE] = {"Coverage", "coverage of both tiers", COVERAGE_JOB_MAX + COVERAGE_INDUSTRY,
	    "3 for each topic about the job, up to 15, and 10 for the industry"},
	[SCORE_CLOSING] = {"Closing", "closing questions and thanks", CLOSING_REFERRALS + CLOSING_NAME + CLOSING_THANKS,
	    "referrals 8, permission to use their name 7, thanking the host 5"},
	[SCORE_PACING] = {"Pacing", "pacing", PACING_ENDED + PACING_CLOSED,
	    "10 for ending (or closing with thanks or a goodbye) before the host had to, when "
	    "something was asked; 5 for both "
	    "closing questions before time was up; none for ending before half the agreed time"},
};

/* Whether the user ended the meeting themselves having used less than half
 * the agreed time: leaving a meeting someone set time aside for after a
 * few minutes is not keeping to time. */
static bool
left_early(struct session *s)
{
	return session_over(s) && !session_ended_by_clock(s) && !session_quit(s) &&
	    session_time_used(s) < session_planned_ms(s) / 2;
}

void
report_score(struct session *s, struct score *sc)
{
	memset(sc, 0, sizeof *sc);
	int etiquette = ETIQUETTE_MAX;
	for (size_t i = 0; i < s->nflags; i++)
		etiquette -= s->flags[i].sev == SEV_ERROR ? ETIQUETTE_ERROR :
		    s->flags[i].sev == SEV_WARNING ? ETIQUETTE_WARNING : ETIQUETTE_INFO;
	/* Nothing said that was a question or a flag: nothing practised. */
	sc->part[SCORE_ETIQUETTE] = etiquette < 0 || (report_questions(s) == 0 && s->nflags == 0) ? 0 : etiquette;
	int job = 0;
	for (int c = 0; c < CAT_COUNT; c++)
		job += category_tier((enum category)c) == TIER_JOB && s->asked[c] > 0;
	sc->part[SCORE_COVERAGE] = (job * COVERAGE_JOB_EACH >= COVERAGE_JOB_MAX ? COVERAGE_JOB_MAX : job * COVERAGE_JOB_EACH) +
	    (s->asked[CAT_INDUSTRY_TRENDS] > 0 ? COVERAGE_INDUSTRY : 0);
	sc->part[SCORE_CLOSING] = (s->asked[CAT_REFERRALS] ? CLOSING_REFERRALS : 0) +
	    (s->asked[CAT_MENTION_NAME] ? CLOSING_NAME : 0) + (s->thanked ? CLOSING_THANKS : 0);
	uint64_t up = session_planned_ms(s);
	uint64_t r = first_asked(s, CAT_REFERRALS), n = first_asked(s, CAT_MENTION_NAME);
	/* Ending on time with nothing asked, or long before the time agreed,
	 * kept no pace: no credit. */
	bool kept_pace = !session_ended_by_clock(s) && !session_quit(s) && report_questions(s) > 0;
	sc->part[SCORE_PACING] = left_early(s) ? 0 : (kept_pace ? PACING_ENDED : 0) +
	    (r != UINT64_MAX && n != UINT64_MAX && r <= up && n <= up ? PACING_CLOSED : 0);
	for (int i = 0; i < SCORE_PARTS; i++)
		sc->total += sc->part[i];
}

/* Add one pacing line to p. */
static void
pace(struct pacing *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
pace(struct pacing *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *t = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->n < PACING_LINES)
		p->line[p->n++] = t;
	else
		free(t);
}

void
report_pacing_lines(struct session *s, struct pacing *p)
{
	p->n = 0;
	uint64_t end = session_time_used(s);
	uint64_t tier_ms[TIER_COUNT + 1] = {0};   /* last: lines with no category */
	uint64_t longest = 0, prev = 0;
	char t1[32], t2[32], t3[32], t4[32];

	/* Lines said after the user closed (the meeting ended at their
	 * farewell) count as said at its end. */
	for (size_t i = 0; i <= s->nturns; i++) {
		uint64_t at = i < s->nturns && s->turns[i].at_ms < end ? s->turns[i].at_ms : end;
		if (at - prev > longest)
			longest = at - prev;
		prev = at;
		if (i < s->nturns) {
			uint64_t next = i + 1 < s->nturns && s->turns[i + 1].at_ms < end ?
			    s->turns[i + 1].at_ms : end;
			enum tier t = category_tier(s->turns[i].cat);
			tier_ms[t == TIER_NONE ? TIER_COUNT : t] += next - at;
		}
	}
	if (s->nturns > 0) {
		clock_span(end / s->nturns, t1, sizeof t1);
		clock_span(longest, t2, sizeof t2);
		pace(p, "%zu line%s in %s: one every %s on average; the longest stretch without one: %s",
		    s->nturns, s->nturns == 1 ? "" : "s", (clock_span(end, t3, sizeof t3), t3), t1, t2);
		clock_span(tier_ms[TIER_JOB], t1, sizeof t1);
		clock_span(tier_ms[TIER_INDUSTRY], t2, sizeof t2);
		clock_span(tier_ms[TIER_CLOSING], t3, sizeof t3);
		clock_span(tier_ms[TIER_COUNT], t4, sizeof t4);
		pace(p, "Time by tier: the job %s, the industry %s, closing %s, other %s", t1, t2, t3, t4);
	} else {
		pace(p, "You asked nothing.");
	}
	/* The wrap-up mark is where the coach said to start closing: five
	 * minutes before the end of a meeting of 20 minutes or more, the last
	 * sixth of a shorter one. */
	uint64_t five = session_notice_at(s, NOTICE_FIVE);
	bool long_meeting = session_usual_length(s);
	char mark[32];
	clock_span(five, mark, sizeof mark);
	const enum category closing[] = {CAT_REFERRALS, CAT_MENTION_NAME};
	for (size_t i = 0; i < 2; i++) {
		uint64_t at = first_asked(s, closing[i]);
		if (at == UINT64_MAX) {
			pace(p, "%s: never asked", i == 0 ? "Referrals" : "Permission to use their name");
			continue;
		}
		clock_span(at, t1, sizeof t1);
		/* Plainly good or not: the wrap-up is where it belongs, before
		 * it is early but in time, after time up is late. */
		const char *what = i == 0 ? "Referrals" : "Permission to use their name";
		const char *wrap = long_meeting ? "the last five minutes" : "the last sixth of the meeting";
		uint64_t up = session_planned_ms(s);
		if (at < five)
			pace(p, "%s: asked at %s, before %s (from %s): in time, if a little early", what,
			    t1, wrap, mark);
		else if (up == 0 || at <= up)
			pace(p, "%s: asked at %s, in %s (from %s): good timing", what, t1, wrap, mark);
		else
			pace(p, "%s: asked at %s, after time was up (%s): too late", what, t1,
			    (clock_span(up, t2, sizeof t2), t2));
	}
	if (session_ended_by_clock(s))
		pace(p, "You did not wrap up in time: the host had to end the meeting after the grace.");
	else if (session_quit(s))
		pace(p, "You left with /quit instead of closing the meeting.");
	else if (session_over(s) && report_questions(s) == 0)
		pace(p, "You ended the meeting without asking anything: there was no pace to keep.");
	else if (left_early(s))
		pace(p, "You ended after %s of the %s agreed: the host had set that time aside, so "
		    "leaving this soon wastes most of it. Plan enough questions to fill at least half.",
		    (clock_span(end, t1, sizeof t1), t1), (clock_span(session_planned_ms(s), t2, sizeof t2), t2));
	else if (session_over(s) && end > session_planned_ms(s))
		pace(p, "You wrapped up within the grace, %s past the agreed time.",
		    (clock_span(end - session_planned_ms(s), t1, sizeof t1), t1));
	else if (session_over(s))
		pace(p, "You wrapped up on time.");
}

void
report_pacing_free(struct pacing *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->line[i]);
	p->n = 0;
}

char *
report_pacing(struct session *s)
{
	struct text_buf b = {0};
	struct pacing p;
	report_pacing_lines(s, &p);
	text_buf_add(&b, "\nPacing\n");
	for (size_t i = 0; i < p.n; i++)
		text_buf_add(&b, "  %s\n", p.line[i]);
	report_pacing_free(&p);
	struct score sc;
	report_score(s, &sc);
	text_buf_add(&b, "Score: %d/100 (", sc.total);
	for (int i = 0; i < SCORE_PARTS; i++)
		text_buf_add(&b, "%s%s %d/%d", i ? ", " : "", score_parts[i].label, sc.part[i], score_parts[i].max);
	text_buf_add(&b, ")\n");
	return b.p;
}

/* The first sentence of s, newly allocated. */
static char *
first_sentence(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0'))
			return xstrndup(s, (size_t)(p - s + 1));
	return xstrdup(s);
}

/* Whether w[0..n) is an acronym or a name with capitals inside (RN, QA,
 * iOS, McKinsey): kept as written. */
static bool
kept_case(const char *w, size_t n)
{
	size_t upper = 0;
	for (size_t i = 0; i < n; i++)
		upper += w[i] >= 'A' && w[i] <= 'Z';
	return upper > 1 || (upper == 1 && !(w[0] >= 'A' && w[0] <= 'Z'));
}

/* Words that keep their case: see report_role() in report.h. */
char *
report_role(const char *role)
{
	/* "Registered nurse, night shift, medical-surgical unit": the role
	 * is the part before the first comma. */
	char *r = xstrndup(role, strcspn(role, ",;"));
	for (char *p = r; *p != '\0';) {
		size_t n = strcspn(p, " ,;/()-");
		/* "Year 4" and the like keep their capital: a word before a
		 * number names something. */
		bool numbered = p[n] == ' ' && p[n + 1] >= '0' && p[n + 1] <= '9';
		if (n > 0 && !kept_case(p, n) && !numbered && *p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		p += n;
		p += strspn(p, " ,;/()-");
	}
	size_t n0 = strcspn(r, " ,;/()-");
	bool an;
	if (kept_case(r, n0) && r[0] >= 'A' && r[0] <= 'Z')
		an = strchr("AEFHILMNORSX", r[0]) != NULL;   /* letters said with a vowel */
	else
		an = strchr("aeiou", r[0]) != NULL && strncmp(r, "uni", 3) != 0 && strncmp(r, "use", 3) != 0 &&
		    strncmp(r, "one", 3) != 0;
	/* "Head of supply chain planning" is one post: no article. */
	static const char *const posts[] = {"head of ", "director of ", "chief ", "dean of ",
		"vice president", "president of ", "principal of ", NULL};
	bool has_article = strncmp(r, "a ", 2) == 0 || strncmp(r, "an ", 3) == 0 || strncmp(r, "the ", 4) == 0;
	for (const char *const *w = posts; *w != NULL && !has_article; w++)
		if (strncmp(r, *w, strlen(*w)) == 0) {
			char *out = xstrdup(r);
			free(r);
			return out;
		}
	char *out = has_article ? xstrdup(r) : xasprintf("%s %s", an ? "an" : "a", r);
	free(r);
	return out;
}

/* Words in s[0..n). */
static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
		w += !sp && !in;
		in = !sp;
	}
	return w;
}

/* A sentence of reply worth quoting as the thing learned: the first with
 * at least LEARNED_MIN_WORDS words (not "Retention." or "Automation is
 * the big one."), preferably one short enough to quote in a note (at most
 * LEARNED_MAX_WORDS); newly allocated, or NULL. */
#define LEARNED_MIN_WORDS 7
#define LEARNED_MAX_WORDS 40

/* Whether sentence s leans on the one before ("It reads the trial
 * balance...", "We use one to draft..."): no quote on its own. */
static bool
leans_back(const char *s)
{
	static const char *const back[] = {"It ", "It's ", "That ", "That's ", "This ", "They ",
		"They're ", "Those ", "These ", "He ", "She ", "His ", "Her ", "Because ", "So ", "But ",
		"And ", "Then ", "Which ", "We use one ", "Both ", "Neither ", NULL};
	for (const char *const *b = back; *b != NULL; b++)
		if (strncmp(s, *b, strlen(*b)) == 0)
			return true;
	return false;
}

/* Whether word w[0..n) says who does something or that something is
 * ("I", "we", "is", "has", "can"...): a sentence with none may still
 * have a verb, but one listing steps has none. */
static bool
subject_or_verb(const char *w, size_t n)
{
	static const char *const sv[] = {"i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "you",
		"he", "she", "they", "it", "it's", "is", "are", "was", "were", "be", "been", "has", "have",
		"had", "do", "does", "did", "can", "could", "will", "would", "should", "may", "might", "must",
		"am", "there's", "that's", NULL};
	for (const char *const *v = sv; *v != NULL; v++)
		if (strlen(*v) == n && strncasecmp(w, *v, n) == 0)
			return true;
	return n > 3 && strncasecmp(w + n - 3, "n't", 3) == 0;
}

/* "Accounting degree, then a tax associate job at a small CPA firm.",
 * "Supervisor, then production manager, then plant manager.": steps
 * listed with ", then" or ", plus", opening on a few words and with no
 * subject or verb of its own, a summary that needs its question to make
 * sense.  Advice put the same way ("Learn spreadsheets properly, then
 * ...") is a sentence. */
static bool
steps_listed(const char *s)
{
	static const char *const advice[] = {"Learn", "Try", "Look", "Write", "Check", "Get", "Ask", "Take",
		"Start", "Pick", "Go", "Find", "Read", "Talk", "Keep", "Make", "Build", "Join", NULL};
	if (strstr(s, ", then ") == NULL && strstr(s, ", plus ") == NULL)
		return false;
	size_t first = strcspn(s, " ,.;:!?");
	for (const char *const *a = advice; *a != NULL; a++)
		if (strlen(*a) == first && strncmp(s, *a, first) == 0)
			return false;
	size_t words_before_comma = 0;
	bool before = true;
	for (const char *p = s; *p != '\0';) {
		size_t gap = strspn(p, " ,;:\"()");
		if (memchr(p, ',', gap) != NULL)
			before = false;
		p += gap;
		size_t len = strcspn(p, " ,.;:!?\"()");
		if (len == 0) {
			if (*p != '\0')
				p++;
			continue;
		}
		if (subject_or_verb(p, len))
			return false;
		words_before_comma += before;
		p += len;
	}
	return words_before_comma <= 4;
}

/* Whether s reads as a fragment out of its reply: it opens with no
 * subject ("Great for tests and boilerplate, but...", "Coached under-tens
 * football...") or points back to things named before it ("I use them
 * for first drafts..." after "AI tools."). */
static bool
fragment(const char *s)
{
	static const char *const bare[] = {"Great", "Good", "Fine", "Handy", "Useful", "Easier", "Better",
		"Harder", "Worse", "Nice", "Worth", "Perfect", "Ideal", "Same", "Lots", "Plenty", NULL};
	static const char *const back[] = {"them", "they", "those", "these", NULL};
	size_t n = strcspn(s, " ,.;:!?");
	for (const char *const *b = bare; *b != NULL; b++)
		if (strlen(*b) == n && strncmp(s, *b, n) == 0)
			return true;
	/* "Coached under-tens football and liked...": a verb in the past
	 * with its subject left in the sentence before. */
	if (n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd')
		return true;
	if (steps_listed(s))
		return true;
	/* A pronoun pointing back among the first few words. */
	const char *p = s;
	for (int w = 0; w < 6 && *p != '\0'; w++) {
		p += strspn(p, " ,;:\"'");
		size_t len = strcspn(p, " ,.;:!?\"'");
		for (const char *const *b = back; *b != NULL; b++)
			if (strlen(*b) == len && strncasecmp(p, *b, len) == 0)
				return true;
		p += len;
	}
	return false;
}

static char *
learned_sentence(const char *reply)
{
	char *long_one = NULL;
	const char *p = reply;
	while (*p != '\0') {
		p += strspn(p, " ");
		char *sent = first_sentence(p);
		size_t len = strlen(sent), words = count_words(sent, len);
		p += len;
		if (leans_back(sent) || fragment(sent)) {
			free(sent);
			continue;
		}
		if (words >= LEARNED_MIN_WORDS && words <= LEARNED_MAX_WORDS) {
			free(long_one);
			return sent;
		}
		if (words > LEARNED_MAX_WORDS && long_one == NULL)
			long_one = sent;
		else
			free(sent);
	}
	return long_one;
}

/* The people the host suggested, by name: the first "Firstname
 * Lastname" of each referral reply ("Talk to Jasmine Park, the nurse
 * educator..."), joined with ", " and " and " into buf; false when no
 * reply names anyone. */
#define NAMES_MAX 3

static bool
capitalised(const char *w, size_t n)
{
	static const char *const not_names[] = {"I", "You", "Talk", "Ask", "The", "She", "He", "Do",
		"Email", "My", "Our", "St", "Speak", "Meet", "Tell", "If", "And", "But", "Try", "Go",
		"Get", "Have", "Say", "Send", "Call", "Write", "Look", "Find", "Contact", "Reach", NULL};
	if (n < 2 || !isupper((unsigned char)w[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)w[i]))
			return false;
	for (const char *const *x = not_names; *x != NULL; x++)
		if (strlen(*x) == n && strncmp(*x, w, n) == 0)
			return false;
	return true;
}

static bool
referral_names(const struct session *s, char *buf, size_t len)
{
	char names[NAMES_MAX][48];
	size_t k = 0;
	for (size_t t = 0; t < s->nturns && k < NAMES_MAX; t++) {
		const struct turn *tn = &s->turns[t];
		if (tn->cat != CAT_REFERRALS || tn->reply == NULL)
			continue;
		for (const char *p = tn->reply; *p != '\0'; p++) {
			if (p != tn->reply && isalpha((unsigned char)p[-1]))
				continue;
			size_t a = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
			if (p[a] != ' ' || !capitalised(p, a))
				continue;
			size_t b = strspn(p + a + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
			if (!capitalised(p + a + 1, b) || a + 1 + b >= sizeof names[0])
				continue;
			memcpy(names[k], p, a + 1 + b);
			names[k][a + 1 + b] = '\0';
			bool dup = false;
			for (size_t j = 0; j < k; j++)
				dup |= strcmp(names[j], names[k]) == 0;
			k += !dup;
			break;
		}
	}
	if (k == 0)
		return false;
	buf[0] = '\0';
	for (size_t j = 0; j < k; j++) {
		size_t used = strlen(buf);
		snprintf(buf + used, len - used, "%s%s", j == 0 ? "" : j + 1 == k ? " and " : ", ", names[j]);
	}
	return true;
}

/* Whether the user called the host by title and surname ("Mr Adeyemi",
 * "Dr. Okafor"), that form into buf. */
static bool
addressed_formally(const struct session *s, char *buf, size_t len)
{
	static const char *const titles[] = {"Mr", "Ms", "Mrs", "Miss", "Dr", "Mx", "Professor", NULL};
	const char *surname = strrchr(s->cfg.persona->name, ' ');
	if (surname == NULL)
		return false;
	surname++;
	for (size_t t = 0; t < s->nturns; t++)
		for (const char *const *ti = titles; *ti != NULL; ti++) {
			size_t n = strlen(*ti);
			for (const char *at = strstr(s->turns[t].text, *ti); at != NULL; at = strstr(at + 1, *ti)) {
				const char *w = at + n;
				if (*w == '.')
					w++;
				if (*w != ' ' || (at > s->turns[t].text && isalpha((unsigned char)at[-1])))
					continue;
				if (strncasecmp(w + 1, surname, strlen(surname)) == 0) {
					snprintf(buf, len, "%s %s", *ti, surname);
					return true;
				}
			}
		}
	return false;
}

char *
report_thanks(struct session *s)
{
	static const enum category prefer[] = {
		CAT_ADVICE, CAT_INDUSTRY_TRENDS, CAT_ENTRY_PATH, CAT_CHALLENGES, CAT_QUALITIES,
		CAT_TYPICAL_DAY, CAT_LIKES, CAT_WORKPLACE, CAT_ADVANCEMENT, CAT_MISSION,
		CAT_EXPECTATIONS, CAT_INFLUENCES,
	};
	const struct persona *p = s->cfg.persona;
	/* The thing learned: a reply to a question on the job or the
	 * industry (not small talk), with a sentence of substance. */
	const struct turn *best = NULL;
	char *said = NULL;
	for (size_t i = 0; i < sizeof prefer / sizeof *prefer && best == NULL; i++)
		for (size_t t = 0; t < s->nturns && best == NULL; t++) {
			const struct turn *tn = &s->turns[t];
			/* Not a guess at an unclear question ("If you mean...:"). */
			if (tn->cat != prefer[i] || tn->flagged || tn->reply == NULL ||
			    (tn->act != ACT_QUESTION && tn->act != ACT_FOLLOW_UP) ||
			    (tn->act == ACT_QUESTION && !tn->counted))
				continue;
			said = learned_sentence(tn->reply);
			if (said != NULL)
				best = tn;
		}

	struct text_buf b = {0};
	char first[64];
	snprintf(first, sizeof first, "%s", p->name);
	char *sp = strchr(first, ' ');
	if (sp != NULL)
		*sp = '\0';
	/* "Mr Adeyemi" all through the meeting: the note says so too. */
	char formal[80];
	if (addressed_formally(s, formal, sizeof formal))
		text_buf_add(&b, "Dear %s,\n\n", formal);
	else
		text_buf_add(&b, "Dear %s,\n\n", first);
	char *role = report_role(p->role);
	/* "Cobalt Ridge Outdoor Co." ends the sentence with its own stop. */
	size_t el = strlen(p->employer);
	text_buf_add(&b, "Thank you for taking the time to talk with me today about your work as %s at %s%s",
	    role, p->employer, el > 0 && p->employer[el - 1] == '.' ? "" : ".");
	free(role);
	if (best != NULL)
		text_buf_add(&b, " I especially valued what you told me about %s: \"%s\"", topic[best->cat].yours, said);
	free(said);
	text_buf_add(&b, "\n\n");
	/* How many people the host named cannot be told from the count of
	 * questions: "as you suggested" holds for one or several. */
	char who[160];
	if (s->asked[CAT_REFERRALS] > 0 && referral_names(s, who, sizeof who))
		text_buf_add(&b, "I will get in touch with %s as you suggested%s, and I will let you know "
		    "how it goes.\n\nI hope we can stay in touch.\n\n", who,
		    s->asked[CAT_MENTION_NAME] ? ", mentioning that we spoke" : "");
	else if (s->asked[CAT_REFERRALS] > 0)
		text_buf_add(&b, "I will get in touch as you suggested%s, and I will let you know how it "
		    "goes.\n\nI hope we can stay in touch.\n\n",
		    s->asked[CAT_MENTION_NAME] ? ", mentioning that we spoke" : "");
	else
		text_buf_add(&b, "I will keep you posted on my progress, and I hope we can stay in touch.\n\n");
	text_buf_add(&b, "Best regards,\n[your name]\n");
	/* A file the user will open and paste: no control characters. */
	char *safe = text_sanitize_lines(b.p);
	free(b.p);
	return safe;
}

/* A date (YYYY-MM-DD, UTC) days after t. */
static void
date_after(time_t t, int days, char *buf, size_t len)
{
	time_t d = t + (time_t)days * 86400;
	struct tm tm;
	gmtime_r(&d, &tm);
	strftime(buf, len, "%Y-%m-%d", &tm);
}

char *
report_reminders(struct session *s)
{
	const struct persona *p = s->cfg.persona;
	time_t now = clock_wall(s->cfg.clock);
	char d1[16], d14[16], d30[16], d365[16];
	date_after(now, 1, d1, sizeof d1);
	date_after(now, 14, d14, sizeof d14);
	date_after(now, 30, d30, sizeof d30);
	date_after(now, 365, d365, sizeof d365);
	struct text_buf b = {0};
	text_buf_add(&b, "Follow-up plan after your conversation with %s (%s at %s):\n\n", p->name, p->role, p->employer);
	text_buf_add(&b, "- by %s: send the thank-you note.\n", d1);
	if (s->asked[CAT_REFERRALS] > 0) {
		/* The people by name, else "whoever" (one or several). */
		char who[160];
		/* "That we spoke", never "who sent you": hosts often ask that it
		 * be clear the talk was only for information. */
		bool named = s->asked[CAT_MENTION_NAME] > 0;
		if (referral_names(s, who, sizeof who))
			text_buf_add(&b, "- by %s: get in touch with %s (%s's suggestion)%s%s.\n", d14, who,
			    p->name, named ? ", saying that you spoke with " : "", named ? p->name : "");
		else
			text_buf_add(&b, "- by %s: get in touch with whoever %s suggested%s.\n", d14, p->name,
			    named ? ", saying that you spoke with them" : "");
	}
	text_buf_add(&b, "- by %s: send %s a short update on what you did with the advice.\n", d30, p->name);
	text_buf_add(&b, "- about once a year (next around %s): keep in touch with a short note, so the connection stays warm.\n", d365);
	char *safe = text_sanitize_lines(b.p);
	free(b.p);
	return safe;
}

void
report_final(struct session *s)
{
	char *r = report_text(s);
	session_say(s, VOICE_INFO, r);
	free(r);
	char *note = report_thanks(s);
	if (s->cfg.transcript != NULL) {
		char err[300];
		if (transcript_save_beside(s->cfg.transcript, ".thanks.txt", note, &s->thanks_path, err,
		    sizeof err) != 0) {
			s->save_failed = true;
			session_say(s, VOICE_INFO, err);
		}
	}
	char *plan = report_questions(s) > 0 ? report_reminders(s) : NULL;
	if (plan != NULL && s->cfg.transcript != NULL) {
		char err[300];
		if (transcript_save_beside(s->cfg.transcript, ".follow-up.txt", plan, NULL, err,
		    sizeof err) != 0) {
			s->save_failed = true;
			session_say(s, VOICE_INFO, err);
		}
	}
	char *msg = s->thanks_path != NULL ?
	    xasprintf("A thank-you note to send within a day (saved to %s):\n\n%s", s->thanks_path, note) :
	    xasprintf("A thank-you note to send within a day:\n\n%s", note);
	session_say(s, VOICE_INFO, msg);
	free(msg);
	free(note);
	if (plan != NULL)
		session_say(s, VOICE_INFO, plan);
	else
		session_say(s, VOICE_INFO, "No follow-up plan: you asked no questions, so there is nothing to follow up yet.");
	free(plan);
	if (s->cfg.transcript != NULL) {
		char *where = s->save_failed ?
		    xasprintf("The transcript %s is INCOMPLETE: some turns could not be saved to it (see above).",
		        transcript_path(s->cfg.transcript)) :
		    xasprintf("The transcript is in %s", transcript_path(s->cfg.transcript));
		session_say(s, VOICE_INFO, where);
		free(where);
	}
}
