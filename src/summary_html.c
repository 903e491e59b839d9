/*
 * summary_html.c -- the class summary page (see summary_html.h).
 *
 * Written top to bottom in one pass over the tally: the totals, the
 * table (each file's name links to its findings further down), then a
 * section per file.  Colours are CSS custom properties with a light and
 * a dark scheme, as on the session report's page.
 */
#include <config.h>

#include "summary_html.h"

#include <stdint.h>

#include "taxonomy.h"
#include "text.h"

static const char css[] =
    ":root{color-scheme:light dark;--bg:#f6f6f3;--card:#fff;--fg:#1c2230;--muted:#5d6575;"
    "--line:#e2e4e8;--accent:#3454c4;--err:#c4321c;--warn:#a95a06;--info:#5a6478;--good:#2c7f47}\n"
    "@media screen and (prefers-color-scheme:dark){:root{--bg:#121419;--card:#1b1e25;--fg:#e7e9ee;"
    "--muted:#a1a8b6;--line:#2f343e;--accent:#93abff;--err:#ff7b66;--warn:#f0b45a;--info:#aab3c5;"
    "--good:#6fd08f}}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"
    "\"Segoe UI\",Roboto,sans-serif}\n"
    "header,main,footer{max-width:1100px;margin:0 auto;padding:0 20px}\n"
    "header{padding-top:28px}\n"
    ".kicker{color:var(--muted);text-transform:uppercase;letter-spacing:.08em;font-size:12px;margin:0}\n"
    "h1{margin:4px 0 8px;font-size:26px}\n"
    "h2{font-size:18px;margin:0 0 8px;overflow-wrap:anywhere}\n"
    ".facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:8px 0 20px;padding:0}\n"
    ".facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:600}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;"
    "margin:0 0 16px}\n"
    ".table-wrap{overflow-x:auto}\n"
    "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
    "th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}\n"
    "th:first-child,td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere}\n"
    "th{color:var(--muted);font-weight:600;font-size:13px}\n"
    "a{color:var(--accent)}\n"
    ".n-error{color:var(--err);font-weight:700}.n-warning{color:var(--warn);font-weight:700}"
    ".n-info{color:var(--info)}\n"
    ".yes{color:var(--good)}.no{color:var(--err);font-weight:700}.na{color:var(--muted)}\n"
    "ol.findings{list-style:none;margin:0;padding:0}\n"
    "ol.findings li{padding:8px 0 8px 12px;border-left:4px solid var(--line);margin:0 0 8px}\n"
    "li.sev-error{border-left-color:var(--err)!important}li.sev-warning{border-left-color:var(--warn)"
    "!important}li.sev-info{border-left-color:var(--info)!important}\n"
    ".where{font-family:ui-monospace,monospace;color:var(--muted);margin-right:6px}\n"
    ".sev{font-weight:700;margin-right:6px}.sev-error .sev{color:var(--err)}.sev-warning .sev"
    "{color:var(--warn)}.sev-info .sev{color:var(--info)}\n"
    "code{font-family:ui-monospace,monospace;font-size:13px;color:var(--muted)}\n"
    ".sugg{margin:2px 0 0;color:var(--muted)}\n"
    ".clean{color:var(--good);margin:0}\n"
    "footer{color:var(--muted);font-size:13px;padding-bottom:28px}\n";

static void
esc(FILE *fp, const char *s)
{
	text_write_html(fp, s, SIZE_MAX);
}

static const char *
plural(unsigned long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* A count cell, coloured by severity when it is not 0. */
static void
count_cell(FILE *fp, unsigned long n, const char *cls)
{
	if (n > 0 && cls != NULL)
		fprintf(fp, "<td class=\"n-%s\">%lu</td>", cls, n);
	else
		fprintf(fp, "<td>%lu</td>", n);
}

/* A yes/no cell, or a dash when the file was not judged as a list. */
static void
yes_no(FILE *fp, const struct tally_file *f, bool yes)
{
	if (!tally_judged(f))
		fputs("<td class=\"na\" title=\"not a list read whole\">\xe2\x80\x94</td>", fp);
	else
		fprintf(fp, "<td class=\"%s\">%s</td>", yes ? "yes" : "no", yes ? "yes" : "no");
}

static void
file_row(FILE *fp, const struct tally_file *f, size_t i)
{
	fprintf(fp, "<tr><td><a href=\"#file%zu\">", i + 1);
	esc(fp, f->path);
	fputs("</a></td>", fp);
	count_cell(fp, f->questions, NULL);
	count_cell(fp, f->count[SEV_ERROR], "error");
	count_cell(fp, f->count[SEV_WARNING], "warning");
	count_cell(fp, f->count[SEV_INFO], "info");
	count_cell(fp, f->job_asks, "error");
	count_cell(fp, f->pay, "error");
	if (tally_judged(f))
		fprintf(fp, "<td class=\"%s\">%u of 2</td>", f->closing_missing == 0 ? "yes" : "no",
		    2 - f->closing_missing);
	else
		fputs("<td class=\"na\" title=\"not a list read whole\">\xe2\x80\x94</td>", fp);
	yes_no(fp, f, !f->job_tier_missing);
	yes_no(fp, f, !f->industry_tier_missing);
	fputs("</tr>\n", fp);
}

static void
file_section(FILE *fp, const struct tally_file *f, size_t i)
{
	fprintf(fp, "<section id=\"file%zu\">\n<h2>", i + 1);
	esc(fp, f->path);
	fputs("</h2>\n", fp);
	if (f->nfindings == 0) {
		fputs("<p class=\"clean\">Nothing to fix.</p>\n</section>\n", fp);
		return;
	}
	fputs("<ol class=\"findings\">\n", fp);
	for (size_t k = 0; k < f->nfindings; k++) {
		const struct tally_finding *x = &f->findings[k];
		fprintf(fp, "<li class=\"sev-%s\">", severity_name(x->sev));
		if (x->line > 0 && x->col > 0)
			fprintf(fp, "<span class=\"where\">line %lu, column %lu</span>", x->line, x->col);
		else if (x->line > 0)
			fprintf(fp, "<span class=\"where\">line %lu</span>", x->line);
		else
			fputs("<span class=\"where\">whole file</span>", fp);
		fprintf(fp, "<span class=\"sev\">%s</span>", severity_name(x->sev));
		esc(fp, x->message);
		fputs(" <code>", fp);
		esc(fp, x->rule);
		fputs("</code>", fp);
		if (x->suggestion != NULL) {
			fputs("<p class=\"sugg\">", fp);
			esc(fp, x->suggestion);
			fputs("</p>", fp);
		}
		fputs("</li>\n", fp);
	}
	fputs("</ol>\n</section>\n", fp);
}

int
summary_html(FILE *fp, const struct tally *t)
{
	unsigned long q = 0, sev[SEV_COUNT] = {0}, asks = 0, with_errors = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		q += f->questions;
		for (int s = 0; s < SEV_COUNT; s++)
			sev[s] += f->count[s];
		asks += f->job_asks > 0 || f->pay > 0;
		with_errors += f->count[SEV_ERROR] > 0;
	}
	unsigned long n = (unsigned long)t->nfiles;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"color-scheme\" content=\"light dark\">\n"
	    "<meta name=\"generator\" content=\"" PACKAGE_NAME " " PACKAGE_VERSION "\">\n"
	    "<title>Class summary \xe2\x80\x94 infocoach check</title>\n<style>\n", fp);
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n<header>\n<p class=\"kicker\">infocoach \xc2\xb7 class summary</p>\n", fp);
	fprintf(fp, "<h1>%lu %s checked</h1>\n<dl class=\"facts\">\n", n, plural(n, "file", "files"));
	fprintf(fp, "<div><dt>Questions</dt><dd>%lu</dd></div>\n", q);
	fprintf(fp, "<div><dt>Errors</dt><dd>%lu</dd></div>\n<div><dt>Warnings</dt><dd>%lu</dd></div>\n"
	    "<div><dt>Infos</dt><dd>%lu</dd></div>\n", sev[SEV_ERROR], sev[SEV_WARNING], sev[SEV_INFO]);
	fprintf(fp, "<div><dt>Files with an error</dt><dd>%lu</dd></div>\n"
	    "<div><dt>Files asking for a job or about pay</dt><dd>%lu</dd></div>\n</dl>\n</header>\n<main>\n",
	    with_errors, asks);
	fputs("<section aria-labelledby=\"files-h\">\n<h2 id=\"files-h\">Files</h2>\n<div class=\"table-wrap\">\n"
	    "<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Questions</th>"
	    "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Infos</th>"
	    "<th scope=\"col\">Job asks</th><th scope=\"col\">Pay questions</th>"
	    "<th scope=\"col\">Closing questions</th><th scope=\"col\">Job tier</th>"
	    "<th scope=\"col\">Industry tier</th></tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < t->nfiles; i++)
		file_row(fp, &t->files[i], i);
	fputs("</tbody>\n</table>\n</div>\n</section>\n", fp);
	for (size_t i = 0; i < t->nfiles; i++)
		file_section(fp, &t->files[i], i);
	fputs("</main>\n<footer>\n<p>Made by " PACKAGE_NAME " " PACKAGE_VERSION " check. A dash means the "
	    "file was not a list of questions read whole (a letter, an empty file or one that could not be "
	    "read), so its closing questions and tiers were not counted. The page is self-contained: it "
	    "loads nothing.</p>\n</footer>\n</body>\n</html>\n", fp);
	return ferror(fp) ? -1 : 0;
}
