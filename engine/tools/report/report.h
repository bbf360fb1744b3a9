/* report.h: the parts of `ladder report` (tools/report/), sharing one Report: read.c collects
 * and reads the results files (through core/results.h) and loads their stories, tally.c
 * groups them by story and session and counts, baseline.c plays random playthroughs to
 * compare with, page.c and page_stats.c write the HTML page (through out/html.h), csv.c the
 * CSVs, xlsx.c the workbook, report.c is the command. Every id and text is interned (tally.c)
 * as a small integer. */
#ifndef LADDER_TOOLS_REPORT_H
#define LADDER_TOOLS_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/game.h"
#include "core/results.h"
#include "core/story.h"
#include "core/util.h"

#define MISSING RESULTS_MISSING
#define BASELINE_CAP 500     /* decisions before a random playthrough counts as unfinished */
#define BASELINE_MAX 10000   /* --baseline at most */
#define TABLE_MAX 300        /* participants listed by name at most, per section */
#define BAND_MIN 100         /* above it, stat charts draw percentile bands, not a line each */

/* Interned strings: ids and texts as small integers (an open-addressing hash table). */
typedef struct Intern {
    char **v;
    size_t n, cap;
    int *slot; /* open addressing: index + 1, 0 empty */
    size_t nslot;
} Intern;

/* ---- what a results file holds ---- */

typedef struct StatVal {
    int stat, before, after; /* MISSING when the file does not say */
} StatVal;

typedef struct Dec {
    int chapter;              /* 0 for a single story */
    int story, scene, choice; /* interned; story is the chapter's story */
    int text, forced;         /* interned, or -1 */
    double seconds;
    StatVal *sv;
    int nsv;
} Dec;

typedef struct Part {
    char *file;
    int story, session, player, title, hash; /* interned; title and hash may be -1 */
    int session_typed; /* the code as typed, trimmed (session: the section's spelling) */
    int session_key;   /* results_session_key of the code: what groups */
    uint64_t seed;
    bool anonymous, ended;
    int ending, ending_story; /* -1: no ending */
    Dec *d;
    size_t nd, capd;
    int nchap;
    int *chap_story, *chap_hash;
    uint64_t *chap_seed;
    StatVal *fin; /* the final stats (after = before = value) */
    int nfin;
} Part;

/* A decision point: a scene of a story, with the options taken there. */
typedef struct Opt {
    int choice, text;
    long n, base_n;
} Opt;

typedef struct Point {
    int story, scene;
    long n, base_n, people;
    const Part *last; /* for counting people once */
    double pos_sum;   /* sum of decision numbers (for "typically decision k") */
    Opt *o;
    size_t no, capo;
    double *secs;
    size_t nsecs, capsecs;
    double closeness; /* 1 - (share of the first - share of the second) */
    bool enough;      /* reached by enough participants to count */
} Point;

typedef struct EndCount {
    int story, ending; /* ending -1: not finished */
    long n, base_n;
} EndCount;

typedef struct StatInfo {
    int id;
    const char *label; /* from the story, or the id */
    int min, max;
    StatGood good;
    bool known;
} StatInfo;

typedef struct Group {
    int story, session; /* session: the spelling most of its participants typed */
    int key;            /* results_session_key of the code */
    long typed_other;   /* participants who typed the code otherwise (case, spaces) */
    const struct Group *typo_of; /* a larger section whose code is one character away */
    Part **p;
    size_t n, capp;
    const Story *root;
    Part *base; /* the random playthroughs */
    size_t nbase;
    long base_errors, base_stuck;
    char *base_error; /* the first error */
    Point *pt;
    size_t npt, cappt;
    EndCount *ec;
    size_t nec, capec;
    StatInfo *st;
    size_t nst, capst;
    size_t other_hash; /* results played on another version of the story than the one loaded */
    size_t index;      /* its section's number, from 1 */
} Group;

typedef struct StoryEntry {
    int id;
    Story *story;
} StoryEntry;

/* A results file's bytes, to tell a copy (tools/report/read.c). */
typedef struct ContentId {
    uint64_t hash;
    size_t len;
    size_t part; /* index in Report.parts + 1; 0: an empty slot */
} ContentId;

typedef struct Report {
    Intern s;
    Part *parts;
    size_t nparts, capparts;
    Group *g;
    size_t ng, capg;
    StoryEntry *stories;
    size_t nstories, capstories;
    ContentId *cslot; /* the files read, by content (open addressing) */
    size_t ncslot, ncontent;
    Buf skipped; /* HTML list items */
    size_t nskipped;
    long baseline;
    const char *title;
} Report;

/* The interned string i, owned by r (valid until report_intern_free); "" for none (i < 0). */
static inline const char *S(const Report *r, int i)
{
    return i < 0 || !r->s.v ? "" : r->s.v[i];
}

/* ---- tally.c ---- */

/* A 64-bit hash of data[0..n), 8 bytes a step, each word mixed as MurmurHash3's 64-bit
 * finalizer mixes (fnv1a64, a byte a step, was a twelfth of a report's time at 20,000 files,
 * profiled): for interning and for telling a copy of a results file. Not for anything that
 * leaves the process. */
uint64_t report_hash(const void *data, size_t n);
/* The index of s in t, adding a copy when new; -1 for NULL. */
int report_intern(Intern *t, const char *s);
/* Free t's strings and array, not t itself. */
void report_intern_free(Intern *t);
/* Group r's parts by (story, session), sorted, and count each group: decision points,
 * options, endings, stats, and the baseline when asked. */
void report_tally(Report *r);
/* Free what g holds (its points, options, endings and stats), not g itself. */
void report_group_free(Group *g);
/* The story a decision point or ending of g belongs to, or NULL when not loaded; and the scene
 * (interned id scene) in it, or NULL. Borrowed from r: valid until r is freed. */
const Story *report_story_of(Report *r, const Group *g, int story);
const Scene *report_scene_of(Report *r, const Group *g, int story, int scene);
/* The option `choice` of pt, and the count of an ending (-1: not finished) of g, each added
 * (at zero) when new. Borrowed: valid until the next report_opt_for on pt / report_end_for on g
 * (the arrays grow), or the group is freed. */
Opt *report_opt_for(Point *pt, int choice);
EndCount *report_end_for(Group *g, int story, int ending);
/* The stat id g shows, with its definition from the story when def is not NULL. */
void report_add_stat(Group *g, int id, const StatDef *def);
/* The median of v[0..n) (sorted in place); NAN when n is 0. */
double report_median(double *v, size_t n);
/* k / n, 0 when n is 0. */
double report_share(long k, long n);
/* The value of stat id after decision x of p (x = 0: before the first); MISSING if unknown. */
int report_value_at(const Part *p, int id, size_t x);
/* The first and last values of stat id in p's playthrough (MISSING when it has none). */
void report_first_last(const Part *p, int id, int *first, int *last);
/* The final value of stat id in p, or MISSING. */
int report_final_value(const Part *p, int id);

/* ---- read.c ---- */

/* The files named by args[0..n): files as given, folders' *.json and their subfolders' (at
 * most 32 down) sorted by name; the same file twice (device and inode) is read once; what
 * cannot be read, broken links, loops and folders named *.json are skipped and named.
 * malloc'd, *count long. */
char **report_collect(Report *r, char **args, int n, size_t *count);
/* Read one results file into r->parts, or name it on stderr and in r->skipped (also a byte
 * for byte copy of a file read before: one participant counted once). */
void report_read_part(Report *r, const char *path);
/* report_read_part for each of files[0..n), in that order, parsed on up to 4 threads (as many
 * as processors online); the same outcome as one by one. */
void report_read_parts(Report *r, char **files, size_t n);
/* Name path on stderr and in r->skipped (the page's list) with the reason, a sentence. */
void report_skip(Report *r, const char *path, const char *reason);
/* Free what p holds, not p itself. */
void report_part_free(Part *p);
/* Keep story s (owned by r from now on) as the story with interned id. */
void report_add_story(Report *r, int id, Story *s);
/* The story with this id: one given with --story, a chapter of campaign as play loads it
 * (catalog_open_chapter), or a bundled one. Owned by r; NULL (said once on stderr) when none
 * can be loaded. */
const Story *report_story(Report *r, int id, const Story *campaign);

/* ---- baseline.c ---- */

/* Play r->baseline random playthroughs of g's story into g->base (nothing without a story). */
void report_baseline(Report *r, Group *g);

/* ---- page.c, page_stats.c ---- */

/* The HTML page of r (inputs: the paths given, shown in its footer). malloc'd. */
char *report_page(Report *r, char **inputs, int ninputs);
/* A share as a percentage ("&lt;1%" under one), a number (one decimal when not whole; a dash
 * for NAN), seconds as "42 s" or "3 min 05 s", in HTML. */
void report_pct(Buf *b, double s);
void report_fmt_num(Buf *b, double v);
void report_fmt_secs(Buf *b, double s);
/* The CSS class of an ending's verdict: "good", "mixed", "bad", or "none" for NULL. Static. */
const char *report_verdict_class(const Scene *e);
/* Append p's player name, HTML-escaped, or "<i>anonymous</i>". */
void report_player_name(Buf *b, const Report *r, const Part *p);
/* The start of a scene's text for a heading (at most max characters; interpolations cut or
 * shown as an ellipsis), HTML-escaped. Nothing for NULL. */
void report_scene_excerpt(Buf *b, const Scene *sc, size_t max);
/* Sort g's decision points, the most divided first (those fewer than a tenth of the room, at
 * least 3, reached last: their `enough` is false); returns that count. */
long report_rank_decisions(Report *r, Group *g);
/* The section's story title (from the story, a file, or its id), HTML-escaped. */
void report_group_title(Buf *b, const Report *r, const Group *g);
/* A group's "How the stats moved" and "Participants" sections. */
void report_emit_stats(Buf *b, Report *r, const Group *g);
void report_emit_people(Buf *b, Report *r, const Group *g); /* both appended to b as HTML */

/* ---- handout.c ---- */

/* The participants' handout (HTML, 1 or 2 printed pages per section, A4 or Letter): each
 * section's story, the decisions that divided the room with their lessons, what the articles
 * advise in the story's words, and the endings reached. malloc'd. Call after report_tally. */
char *report_handout(Report *r);

/* ---- report.c ---- */

/* The report page of every results file in dir, as `ladder report dir -o FILE` writes it (for
 * `ladder serve`'s facilitator). malloc'd; NULL with err when dir holds no valid results file.
 * Files that cannot be read are skipped and named on stderr, as by `ladder report`. */
char *report_page_of_folder(const char *dir, Err *err);

/* ---- outfile.c ---- */

/* An output file written as it is made: text appended to b goes out a megabyte at a time
 * (report_file_flush) to a temporary file beside path (mode 0600), which report_file_close
 * syncs and renames over path, made readable by others (results_make_readable). */
typedef struct ReportFile {
    char *path, *tmp, *dir; /* owned */
    int fd;                 /* the temporary's, or -1 */
    Buf b;                  /* not written yet */
    int error;              /* errno of the first failure, 0 */
} ReportFile;

/* Start writing path (its folder made when missing). 0, or -1 with err ("cannot write PATH:
 * REASON") and nothing left behind. */
int report_file_open(ReportFile *f, const char *path, Err *err);
/* Write out f->b when it holds a megabyte or more (everything when all); a failure is kept
 * for report_file_close. */
void report_file_flush(ReportFile *f, bool all);
/* Write the rest, sync, rename over the target; 0, or -1 with err and the temporary removed.
 * Frees what f holds either way. With fd -1 the temporary was written by name (the workbook). */
int report_file_close(ReportFile *f, Err *err);
/* Give up: remove the temporary and free what f holds. */
void report_file_abandon(ReportFile *f);

/* ---- csv.c ---- */

/* Every decision of every participant of r as CSV (README's columns), after a UTF-8
 * byte-order mark when bom, into f (flushed as it goes). */
void report_csv(Report *r, bool bom, ReportFile *f);
/* One row per participant of r (README's columns: the file, the name, anonymous, the session,
 * the story, the ending, finished or not, the decisions, the seconds, the final stats, then
 * scene/choice at each decision), after a byte-order mark when bom, into f. */
void report_participants_csv(Report *r, bool bom, ReportFile *f);
/* The stat columns of both CSVs and the workbook: every section's stats in order of first
 * appearance, as interned ids. malloc'd, *n long. */
int *report_stat_columns(const Report *r, size_t *n);

/* ---- xlsx.c ---- */

/* Write r as a spreadsheet workbook to path (libxlsxwriter): sheets "Summary" (each section's
 * story, session, participants and ending shares), "Participants" (--participants-csv's
 * columns) and "Decisions" (--csv's rows), numbers as numbers, a bold frozen header row.
 * Call after report_page (which puts the endings in story order). Written as a ReportFile
 * (a temporary beside path, synced, renamed, readable by others). 0, or -1 with err saying
 * why (path cannot be written, or libxlsxwriter's error) and nothing left behind. */
int report_xlsx(Report *r, const char *path, Err *err);

#endif

