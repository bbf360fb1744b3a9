/* report.c: `ladder report`: workshop participants' results files merged into one
 * self-contained HTML page (inline CSS and SVG, no scripts) and, on request, CSVs (one row per
 * decision per participant, one per participant), a workbook (.xlsx) and a handout.
 *
 * Results files are untrusted: each is read and checked by core/results.h; one that is not a
 * results file is named on stderr and skipped. Every string from a file reaches the page
 * through html_escape. Results are grouped by (story, session code), one section each. Stories
 * are loaded (bundled ones by id, others with --story) for titles, verdicts, lessons and
 * discussion questions; without them the page falls back to ids. --baseline N plays N random
 * playthroughs per section through the engine (the room's seeds, choices drawn uniformly from
 * a generator seeded from the section and the run number) and shows them next to the room.
 * The parts: tools/report/report.h. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/utf8.h"
#include "tools/report/report.h"
#include "tools/tools.h"

const char tool_report_usage[] =
    "Usage: ladder report PATH... -o FILE [--csv FILE] [--participants-csv FILE] [--bom]\n"
    "                     [--xlsx FILE] [--handout FILE] [--baseline N] [--story PATH]...\n"
    "\n"
    "Merge workshop participants' results files (written by 'ladder play STORY --session CODE\n"
    "--results DIR') into one self-contained HTML page: how many played, how the endings\n"
    "fell, how the room split at each decision (most divided first, with the story's\n"
    "discussion questions and lessons) and how every stat moved. PATH is a results file or a\n"
    "folder of them (every *.json in it and its subfolders). Each story and session code gets\n"
    "its own section.\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE  the HTML page to write (required)\n"
    "      --csv FILE     also write every decision of every participant as CSV\n"
    "      --participants-csv FILE\n"
    "                     also write one row per participant as CSV\n"
    "      --handout FILE also write the participants' handout: per section, one or two\n"
    "                     printed pages with the decisions that divided the room, their\n"
    "                     lessons, what the articles advise and the endings reached\n"
    "      --bom          begin the CSVs with a UTF-8 byte-order mark, for spreadsheets\n"
    "                     (Excel reads names such as Chloé right only with it)\n"
    "      --xlsx FILE    also write a spreadsheet workbook (.xlsx): sheets Summary (each\n"
    "                     section's participants and ending shares), Participants (the\n"
    "                     participants' CSV) and Decisions (the CSV), numbers as numbers\n"
    "      --baseline N   also play N random playthroughs of each section's story and show\n"
    "                     them next to the room's figures, to compare with chance\n"
    "      --story PATH   a story that is not bundled (a scenario file or folder), for its\n"
    "                     titles, lessons and questions; may be given more than once\n"
    "      --title TEXT   the page's title (default: from the stories played)\n"
    "  -h, --help         show this help and exit\n"
    "\n"
    "CSV columns: file, story, session, player, ending, chapter, decision, scene, choice,\n"
    "text, seconds, forced, then STAT_before and STAT_after for every stat.\n"
    "Participants' CSV: file, participant, anonymous, session, story, ending, finished,\n"
    "decisions, seconds, the final value of every stat, then decision_1, decision_2, ...\n"
    "(scene/choice).\n"
    "A file that is not a valid results file is named on stderr with the reason and skipped.\n"
    "Exit status: 0 the page was written (even with files skipped), 1 no valid results file\n"
    "or an output could not be written, 2 usage error.\n";


/* ---- the command ---- */

/* Write text to path, readable by others; 0, or 1 said on stderr. */
static int write_output(const char *path, const char *text)
{
    Err err;
    if (write_file_atomic(path, text, strlen(text), &err) != 0) {
        utf8_fprintf(stderr, "ladder: report: %s\n", err.msg);
        return 1;
    }
    results_make_readable(path);
    return 0;
}

/* Write a CSV to path as emit(r, bom, file) makes it; 0, or 1 said on stderr. */
static int write_csv(Report *r, const char *path, bool bom,
                     void (*emit)(Report *r, bool bom, ReportFile *f))
{
    Err err;
    ReportFile f;
    if (report_file_open(&f, path, &err) == 0) {
        emit(r, bom, &f);
        if (report_file_close(&f, &err) == 0)
            return 0;
    }
    utf8_fprintf(stderr, "ladder: report: %s\n", err.msg);
    return 1;
}

static void report_free(Report *r)
{
    for (size_t i = 0; i < r->ng; i++)
        report_group_free(&r->g[i]);
    free(r->g);
    for (size_t i = 0; i < r->nparts; i++)
        report_part_free(&r->parts[i]);
    free(r->parts);
    for (size_t i = 0; i < r->nstories; i++)
        story_free(r->stories[i].story);
    free(r->stories);
    buf_free(&r->skipped);
    free(r->cslot);
    report_intern_free(&r->s);
}

char *report_page_of_folder(const char *dir, Err *err)
{
    Report r = {0};
    char *args[] = {(char *)(uintptr_t)dir};
    size_t nfiles = 0;
    char **files = report_collect(&r, args, 1, &nfiles);
    report_read_parts(&r, files, nfiles);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    char *page = NULL;
    report_tally(&r);
    if (r.nparts == 0)
        err_set(err, "there is no results file in %s yet: a report needs at least one "
                     "participant who took a decision", dir);
    else
        page = report_page(&r, args, 1);
    report_free(&r);
    return page;
}

int tool_report(int argc, char **argv)
{
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {"csv", required_argument, NULL, 'c'},
                                         {"participants-csv", required_argument, NULL, 'p'},
                                         {"bom", no_argument, NULL, 'B'},
                                         {"xlsx", required_argument, NULL, 'x'},
                                         {"handout", required_argument, NULL, 'H'},
                                         {"baseline", required_argument, NULL, 'b'},
                                         {"story", required_argument, NULL, 's'},
                                         {"title", required_argument, NULL, 't'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *out = NULL, *csv = NULL, *people = NULL, *handout = NULL, *xlsx = NULL;
    bool bom = false;
    Report r = {0};
    char **story_paths = NULL;
    size_t nsp = 0, capsp = 0;
    int c, rc = 0;
    while ((c = getopt_long(argc, argv, "ho:", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'c': csv = optarg; break;
        case 'p': people = optarg; break;
        case 'B': bom = true; break;
        case 'x': xlsx = optarg; break;
        case 'H': handout = optarg; break;
        case 't': r.title = optarg; break;
        case 's':
            util_grow(&story_paths, &capsp, nsp + 1, sizeof *story_paths);
            story_paths[nsp++] = optarg;
            break;
        case 'b': {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || *end || !*optarg || v < 0 || v > BASELINE_MAX) {
                free(story_paths);
                return tools_usage_error("report", "--baseline takes a count from 0 to 10000, "
                                                   "not '%s'", optarg);
            }
            r.baseline = v;
            break;
        }
        case 'h':
            free(story_paths);
            fputs(tool_report_usage, stdout);
            return 0;
        default:
            free(story_paths);
            fprintf(stderr, "Try 'ladder report --help' for more information.\n");
            return 2;
        }
    }
    if (optind >= argc) {
        free(story_paths);
        return tools_usage_error("report", "%s", "report needs results files or folders");
    }
    if (!out) {
        free(story_paths);
        return tools_usage_error("report", "%s",
                                 "report needs -o FILE, the HTML page to write");
    }
    if (!*out || (csv && !*csv) || (people && !*people) || (handout && !*handout) ||
        (xlsx && !*xlsx)) {
        free(story_paths);
        return tools_usage_error("report", "%s", "an output file name is empty");
    }
    for (size_t i = 0; i < nsp; i++) {
        Err err;
        Story *s = story_load(story_paths[i], &err);
        if (!s) {
            utf8_fprintf(stderr, "ladder: report: the story %s cannot be loaded:\n%s\n",
                         story_paths[i], err.msg);
            continue;
        }
        int id = report_intern(&r.s, s->id);
        bool dup = false;
        for (size_t k = 0; k < r.nstories && !dup; k++)
            dup = r.stories[k].id == id;
        if (dup)
            story_free(s);
        else
            report_add_story(&r, id, s);
    }
    free(story_paths);
    size_t nfiles = 0;
    char **files = report_collect(&r, argv + optind, argc - optind, &nfiles);
    report_read_parts(&r, files, nfiles);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    report_tally(&r); /* (drops files that do not fit their story) */
    if (r.nparts == 0) {
        fprintf(stderr, "ladder: report: no valid results file; nothing written\n");
        report_free(&r);
        return 1;
    }
    char *page = report_page(&r, argv + optind, argc - optind);
    rc |= write_output(out, page);
    free(page);
    if (csv)
        rc |= write_csv(&r, csv, bom, report_csv);
    if (people)
        rc |= write_csv(&r, people, bom, report_participants_csv);
    if (handout) {
        char *text = report_handout(&r);
        rc |= write_output(handout, text);
        free(text);
    }
    if (xlsx) {
        Err err;
        if (report_xlsx(&r, xlsx, &err) != 0) {
            utf8_fprintf(stderr, "ladder: report: %s\n", err.msg);
            rc = 1;
        }
    }
    if (rc == 0) {
        printf("%s: %zu results file%s in %zu section%s", out, r.nparts, r.nparts == 1 ? "" : "s",
               r.ng, r.ng == 1 ? "" : "s");
        if (r.nskipped)
            printf(", %zu skipped", r.nskipped);
        if (csv)
            printf("; %s", csv);
        if (people)
            printf("; %s", people);
        if (handout)
            printf("; %s", handout);
        if (xlsx)
            printf("; %s", xlsx);
        printf("\n");
    }
    report_free(&r);
    return rc;
}

