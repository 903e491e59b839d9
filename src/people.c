/*
 * people.c -- who the people a host names are to it (see people.h).
 *
 * A name is two capitalised words, perhaps after a title (Dr., Professor),
 * or a first name alone with a comma beside it ("Gail, our night
 * production manager"); who the person is comes from an apposition next
 * to it: the words
 * between commas after the name ("Bev Thornton, our senior planner.") or
 * a "my ..." or "our ..." before it ("My preceptor, Marisol Vega.").
 * Anything else ("Priya Shah works ER nights.") says what they do, not
 * who they are, and is left alone.
 */
#include <config.h>

#include "people.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "firm.h"
#include "text.h"
#include "xmalloc.h"

/* An apposition longer than this many words is a clause of its own. */
#define DETAIL_WORDS 14

bool
people_capitalised(const char *w, size_t n)
{
	if (n < 2 || !isupper((unsigned char)w[0]))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)w[i]) && w[i] != '\'' && w[i] != '-')
			return false;
	return true;
}

/* Whether the name name[0..n) holds want as whole words, any case. */
static bool
name_holds(const char *name, size_t n, const char *want)
{
	size_t k = strlen(want);
	for (size_t i = 0; i + k <= n; i++)
		if ((i == 0 || name[i - 1] == ' ') && (i + k == n || name[i + k] == ' ') &&
		    strncasecmp(name + i, want, k) == 0)
			return true;
	return false;
}

/* Where the name at text[at] starts its apposition after, or NULL: the
 * words after ", " up to the next comma, stop or semicolon, when they
 * say who the person is ("our senior planner", "who ran model
 * validation", "shift manager at a depot"), not what they did ("taught
 * me the business").  Its length in *n. */
static const char *
detail_after(const char *e, size_t *n)
{
	static const char *const opens[] = {"my", "our", "one", "a", "an", "the", "who", "his",
		"her", "their", "now", NULL};
	if (e[0] != ',' || e[1] != ' ')
		return NULL;
	const char *d = e + 2;
	size_t len = strcspn(d, ",.;:!?()");
	/* "at St. Brendan's": not the end of the sentence. */
	while (d[len] == '.' && len >= 2 && (strncmp(d + len - 2, "St", 2) == 0 ||
	    strncmp(d + len - 2, "Dr", 2) == 0 || strncmp(d + len - 2, "Mt", 2) == 0))
		len += 1 + strcspn(d + len + 1, ",.;:!?()");
	while (len > 0 && d[len - 1] == ' ')
		len--;
	size_t w = text_word_len(d);
	if (len == 0 || w == 0 || !islower((unsigned char)d[0]))
		return NULL;
	size_t words = 1;
	for (size_t i = 0; i < len; i++)
		words += d[i] == ' ';
	if (words > DETAIL_WORDS)
		return NULL;
	/* A bare title ("transport planner at Bramblegate") says where they
	 * work; a verb would be what they did. */
	bool title = memmem(d, len, " at ", 4) != NULL && !(w > 2 && strncmp(d + w - 2, "ed", 2) == 0) &&
	    d[w - 1] != 's';
	if (!text_word_listed(d, w, opens) && !title)
		return NULL;
	*n = len;
	return d;
}

/* The "my ..." or "our ..." clause just before the name at s in text
 * ("My preceptor, " before "Marisol Vega"), or NULL; its length in *n. */
static const char *
detail_before(const char *text, const char *s, size_t *n)
{
	if (s - text < 4 || s[-1] != ' ' || s[-2] != ',')
		return NULL;
	const char *end = s - 2;
	const char *b = end;
	while (b > text && b[-1] != ',' && b[-1] != '.' && b[-1] != ';' && b[-1] != ':')
		b--;
	while (*b == ' ')
		b++;
	if (strncasecmp(b, "my ", 3) != 0 && strncasecmp(b, "our ", 4) != 0)
		return NULL;
	*n = (size_t)(end - b);
	return b;
}

/* Words for a person that say nothing of who they are ("a woman named
 * Ruth"). */
static const char *const people_words[] = {"woman", "man", "guy", "lady", "chap", "fellow",
	"colleague", "someone", "somebody", "person", "girl", "bloke", NULL};

/* Where the words that introduce the name at s in text by "named" or
 * "called" start ("a woman named " before "Ruth", "A packer named "
 * before "Luis", "someone called " before "Dan"), or NULL: an article
 * and up to three words in lower case, or "someone"/"somebody", then the
 * verb.  A place may be "called" too ("a comprehensive called Hawthorn
 * Lane"), so "called" counts only after a word for a person.  The noun
 * ("woman", "packer") in noun[0..*nn). */
static const char *
introduced_at(const char *text, const char *s, const char **noun, size_t *nn)
{
	static const char *const article[] = {"a", "an", NULL};
	static const char *const anyone[] = {"someone", "somebody", NULL};
	size_t vn = 0;
	if ((size_t)(s - text) >= 7 && strncmp(s - 6, "named ", 6) == 0)
		vn = 6;
	else if ((size_t)(s - text) >= 8 && strncmp(s - 7, "called ", 7) == 0)
		vn = 7;
	if (vn == 0 || s[-(long)vn - 1] != ' ')
		return NULL;
	/* Back over the words before the verb, the noun first. */
	const char *end = s - vn - 1;
	for (int words = 0; words < 4; words++) {
		const char *w = end;
		while (w > text && isalpha((unsigned char)w[-1]))
			w--;
		size_t n = (size_t)(end - w);
		if (n == 0)
			return NULL;
		if (words == 0) {
			*noun = w;
			*nn = n;
		}
		bool opens = text_word_listed(w, n, article) || (words == 0 && text_word_listed(w, n, anyone));
		if (opens)
			return vn == 6 || text_word_listed(*noun, *nn, people_words) ? w : NULL;
		if (!islower((unsigned char)w[0]) || w - text < 2 || w[-1] != ' ')
			return NULL;
		end = w - 1;
	}
	return NULL;
}

/* Whether the capitalised word first[0..n) of text is a first name
 * standing alone ("Gail, our night production manager"; "my mentor,
 * Funmi."): no word of a name before or after it, no word that opens a
 * sentence ("Well, the short answer", "Honestly, my ..."), and a comma
 * after it, or a stop or comma when a comma comes just before it. */
static bool
one_name(const char *text, const char *first, size_t n)
{
	static const char *const openers[] = {"Well", "Right", "Yes", "No", "Yeah", "Sure", "Now",
		"Today", "Tonight", "Sometimes", "Also", "Then", "First", "Second", "Third", "Finally",
		"Here", "There", "Again", "Still", "Plus", "Anyway", "Look", "Oh", "Ah", "Okay", "Ok",
		"Otherwise", "Later", "Once", "Nowadays", "Besides", "Instead", "Meanwhile", "Mind",
		"Trust", "Thanks", "Sorry", "Please", "Great", "Good", "Fine", "True",
		"Basically", "Overall", "Either", "Both", "Sadly", NULL};
	static const char *const not_name[] = {"The", "And", "But", "At", "In", "On", "My", "Our",
		"Talk", "Ask", "Try", "Say", "Meet", "You", "She", "He", "They", "If", "When", "Or",
		"So", "I'm", "I'd", "I've", NULL};
	if (text_word_listed(first, n, openers) || text_word_listed(first, n, not_name) ||
	    (n > 3 && strncmp(first + n - 2, "ly", 2) == 0))
		return false;
	/* No capitalised word just before it ("Bev Thornton"). */
	if (first - text >= 2 && first[-1] == ' ') {
		const char *b = first - 1;
		while (b > text && isalpha((unsigned char)b[-1]))
			b--;
		if (people_capitalised(b, (size_t)(first - 1 - b)))
			return false;
	}
	if (first[n] == ',')
		return true;
	bool after_comma = first - text >= 2 && first[-1] == ' ' && first[-2] == ',';
	return after_comma && (first[n] == '.' || first[n] == '\0');
}

/* Whether the apposition d after a first name alone says who someone is:
 * "our ...", "my ...", "who ...", or "a"/"an" and a word in lower case
 * ("a senior accountant"; not "a README"). */
static bool
names_someone(const char *d)
{
	if (strncmp(d, "our ", 4) == 0 || strncmp(d, "my ", 3) == 0 || strncmp(d, "who ", 4) == 0)
		return true;
	const char *w = strncmp(d, "a ", 2) == 0 ? d + 2 : strncmp(d, "an ", 3) == 0 ? d + 3 : NULL;
	return w != NULL && islower((unsigned char)*w);
}

/* Whether the apposition d[0..n) holds one of words as a phrase. */
static bool
detail_holds(const char *d, size_t n, const char *const *words)
{
	for (const char *const *w = words; w != NULL && *w != NULL; w++) {
		size_t k = strlen(*w);
		for (size_t i = 0; i + k <= n; i++)
			if ((i == 0 || d[i - 1] == ' ') && strncasecmp(d + i, *w, k) == 0 &&
			    (i + k == n || !isalpha((unsigned char)d[i + k])))
				return true;
	}
	return false;
}

/* Who the person whose name holds want is, by text: the sentence, newly
 * allocated, and their name in name; or NULL.  With before_only, by the
 * words before the name ("My preceptor, Marisol Vega"), else by those
 * after it.  With want NULL, anyone whose words hold one of as ("my
 * manager"). */
static char *
identity_in(const char *text, bool before_only, const char *want, const char *const *as, char *name,
    size_t len)
{
	static const char *const titles[] = {"Dr", "Professor", "Mr", "Mrs", "Ms", NULL};
	static const char *const not_name[] = {"The", "And", "But", "At", "In", "On", "My", "Our",
		"Talk", "Ask", "Try", "Say", "Meet", "You", "She", "He", "They", "If", "When", "Or",
		"So", "I'm", "I'd", "I've", NULL};
	for (const char *p = text; *p != '\0';) {
		if (!isalpha((unsigned char)*p) || (p > text && isalpha((unsigned char)p[-1]))) {
			p++;
			continue;
		}
		const char *s = p;              /* where the name starts, title and all */
		size_t n = text_word_len(p);
		if (text_word_listed(p, n, titles)) {
			p += n;
			p += *p == '.';
			if (*p != ' ')
				continue;
			p++;
			n = text_word_len(p);
		}
		const char *first = p;
		const char *second = p + n + 1;
		size_t n2 = p[n] == ' ' ? text_word_len(second) : 0;
		/* "a woman named Ruth", "A packer named Luis". */
		const char *noun = NULL;
		size_t nn = 0;
		const char *intro = s == p ? introduced_at(text, first, &noun, &nn) : NULL;
		bool single = s == p && (one_name(text, first, n) ||
		    (intro != NULL && (n2 == 0 || !people_capitalised(second, n2))));
		if (!people_capitalised(first, n) || text_word_listed(first, n, not_name) ||
		    (!single && (n2 == 0 || !people_capitalised(second, n2) ||
		    (n2 > 2 && second[n2 - 2] == '\'')))) {
			p = first + (n > 0 ? n : 1);
			continue;
		}
		if (single) {
			n2 = 0;
			second = first + n;
		}
		size_t whole = (size_t)(second + n2 - first);
		const char *e = second + n2;
		size_t dn = 0;
		const char *after = !before_only ? detail_after(e, &dn) : NULL;
		const char *before = before_only ? detail_before(text, intro != NULL ? intro : s, &dn) :
		    NULL;
		if (single && after != NULL && !names_someone(after))
			after = NULL;
		/* With no apposition, what introduced them says who they are
		 * ("A packer named Luis": a packer), unless it says only
		 * "a woman". */
		if (before_only && before == NULL && intro != NULL && !text_word_listed(noun, nn, people_words)) {
			before = intro;
			dn = (size_t)(noun + nn - intro);
		}
		const char *d0 = before != NULL ? before : after;
		bool fits = want != NULL ? name_holds(first, whole, want) :
		    d0 != NULL && detail_holds(d0, dn, as);
		/* "Archer" of "Pell & Archer, a small agency" is no one. */
		if (firm_around(text, (size_t)(first - text), (size_t)(e - text)))
			fits = false;
		if (!fits || (before == NULL && after == NULL) || whole >= len) {
			p = e;
			continue;
		}
		memcpy(name, first, whole);
		name[whole] = '\0';
		const char *d = before != NULL ? before : after;
		char *detail = xstrndup(d, dn);
		detail[0] = (char)tolower((unsigned char)detail[0]);
		char *r;
		if (strncmp(detail, "who ", 4) == 0) {
			r = xasprintf("%s %s.", name, detail + 4);
		} else {
			/* "my old professor", "my preceptor", "our head when
			 * I arrived" were; a colleague is. */
			static const char *const then[] = {"old ", "first ", "former ", " when ", NULL};
			static const char *const taught[] = {"preceptor", "lecturer", "professor",
				"teacher", "supervisor", NULL};
			bool past = false;
			for (const char *const *w = then; *w != NULL && !past; w++)
				past = strstr(detail, *w) != NULL;
			for (const char *const *w = taught; *w != NULL && !past; w++)
				past = strncmp(detail, "my ", 3) == 0 && strstr(detail, *w) != NULL;
			r = xasprintf("%s %s %s.", name, past ? "was" : "is", detail);
		}
		free(detail);
		return r;
	}
	return NULL;
}

/* Who the first person whose name holds want (or, with want NULL, whose
 * words hold one of as) is to persona p: as people_identity(). */
static char *
identity_of(const struct persona *p, const char *want, const char *const *as, char *name, size_t len)
{
	/* "Talk to Aisha Noor, my manager" says it better than "My
	 * manager, Aisha Noor": the words after a name first, anywhere. */
	for (int pass = 0; pass < 2; pass++) {
		for (int c = 0; c < CAT_COUNT; c++) {
			const struct strlist *r = &p->replies[c];
			for (size_t i = 0; i < r->n; i++) {
				char *who = identity_in(r->v[i], pass == 1, want, as, name, len);
				const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
				for (size_t j = 0; who == NULL && x != NULL && j < x->more.n; j++)
					who = identity_in(x->more.v[j], pass == 1, want, as, name, len);
				if (who != NULL)
					return who;
			}
		}
		for (size_t t = 0; t < p->nterms; t++) {
			char *who = identity_in(p->terms[t].means, pass == 1, want, as, name, len);
			if (who != NULL)
				return who;
		}
	}
	return NULL;
}

char *
people_identity(const struct persona *p, const char *want, char *name, size_t len)
{
	if (want == NULL || *want == '\0')
		return NULL;
	return identity_of(p, want, NULL, name, len);
}

char *
people_as(const struct persona *p, const char *const *as, char *name, size_t len)
{
	return as != NULL ? identity_of(p, NULL, as, name, len) : NULL;
}

bool
people_named_in(const struct persona *p, const char *text, char *name, size_t len)
{
	for (const char *w = text; *w != '\0';) {
		size_t n = text_word_len(w);
		if (n == 0) {
			w++;
			continue;
		}
		bool starts = w == text || !isalpha((unsigned char)w[-1]);
		if (starts && people_capitalised(w, n) && n < 32) {
			char want[32];
			for (size_t i = 0; i < n; i++)
				want[i] = (char)tolower((unsigned char)w[i]);
			want[n] = '\0';
			char *who = people_identity(p, want, name, len);
			if (who != NULL) {
				free(who);
				return true;
			}
		}
		w += n;
	}
	return false;
}

/* A sentence about someone needs this many words to stand alone
 * ("Hannah brought doughnuts." does not). */
#define MORE_WORDS 6

/* The length of the sentence that starts at s: up to and with its stop,
 * an abbreviation ("Dr. Okafor") not counting. */
static size_t
sentence_len(const char *s)
{
	static const char *const abbr[] = {"St", "Dr", "Mr", "Mrs", "Ms", "Mt", NULL};
	size_t i = 0;
	for (; s[i] != '\0'; i++) {
		if ((s[i] != '.' && s[i] != '!' && s[i] != '?') || (s[i + 1] != ' ' && s[i + 1] != '\0'))
			continue;
		size_t w = i;
		while (w > 0 && isalpha((unsigned char)s[w - 1]))
			w--;
		if (s[i] != '.' || !text_word_listed(s + w, i - w, abbr))
			return i + 1;
	}
	return i;
}

/* Whether sentence s[0..n) opens with a pronoun for someone ("She came
 * from audit", "He'd walk the line"). */
static bool
opens_pronoun(const char *s, size_t n)
{
	static const char *const pronoun[] = {"She", "He", "They", "Her", "His", "Their", NULL};
	for (const char *const *w = pronoun; *w != NULL; w++) {
		size_t k = strlen(*w);
		if (n > k && strncmp(s, *w, k) == 0 && (s[k] == ' ' || s[k] == '\''))
			return true;
	}
	return false;
}

/* Whether sentence s[0..n) opens with the word first, then a verb in
 * lower case ("Hannah marks up..."), not a list or an apposition
 * ("Hannah, Sophie, ..."). */
static bool
opens_with_name(const char *s, size_t n, const char *first)
{
	/* "Ruth understood that long before...", "Hannah got there that
	 * way": what they point back at went before, unsaid. */
	static const char *const back[] = {"that", "this", "it", "there", "so", "them", NULL};
	size_t k = strlen(first);
	if (n <= k + 1 || strncmp(s, first, k) != 0 || s[k] != ' ' || !islower((unsigned char)s[k + 1]))
		return false;
	const char *obj = s + k + 1 + text_word_len(s + k + 1);
	return *obj != ' ' || !text_word_listed(obj + 1, text_word_len(obj + 1), back);
}

/* Whether sentence s[0..n) is long enough and none of said[0..ns) holds
 * it. */
static bool
fresh_sentence(const char *s, size_t n, const char *const *said, size_t ns)
{
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		words += s[i] == ' ';
	if (words < MORE_WORDS)
		return false;
	for (size_t i = 0; i < ns; i++)
		if (said[i] != NULL && memmem(said[i], strlen(said[i]), s, n) != NULL)
			return false;
	return true;
}

/* In text, a sentence about name (first: its first word) by pass: 0, one
 * opening with a pronoun after one that names them (or, with named, from
 * the start); 1, one opening with their first name.  Newly allocated, or
 * NULL. */
static char *
more_in(const char *text, const char *name, const char *first, bool named, int pass,
    const char *const *said, size_t ns)
{
	bool after = named;
	for (const char *s = text; *s != '\0';) {
		while (*s == ' ')
			s++;
		size_t n = sentence_len(s);
		if (n == 0)
			break;
		bool fits = pass == 0 ? after && opens_pronoun(s, n) : opens_with_name(s, n, first);
		if (fits && fresh_sentence(s, n, said, ns))
			return xstrndup(s, n);
		bool names = memmem(s, n, name, strlen(name)) != NULL ||
		    memmem(s, n, first, strlen(first)) != NULL;
		after = names || (after && opens_pronoun(s, n));
		s += n;
	}
	return NULL;
}

char *
people_more(const struct persona *p, const char *name, const char *const *said, size_t n)
{
	char first[64];
	snprintf(first, sizeof first, "%s", name);
	first[strcspn(first, " ")] = '\0';
	if (first[0] == '\0')
		return NULL;
	for (int pass = 0; pass < 2; pass++)
		for (int c = 0; c < CAT_COUNT; c++) {
			const struct strlist *r = &p->replies[c];
			for (size_t i = 0; i < r->n; i++) {
				const char *text = r->v[i];
				bool named = strstr(text, first) != NULL;
				char *m = more_in(text, name, first, false, pass, said, n);
				const struct reply_extra *x = p->extra[c] != NULL ? &p->extra[c][i] : NULL;
				/* Its follow-ups go on about whom the reply named. */
				for (size_t j = 0; m == NULL && x != NULL && j < x->more.n; j++)
					m = more_in(x->more.v[j], name, first, named, pass, said, n);
				for (size_t j = 0; m == NULL && x != NULL && j < x->why.n; j++)
					m = more_in(x->why.v[j], name, first, named, pass, said, n);
				if (m != NULL)
					return m;
			}
		}
	return NULL;
}
