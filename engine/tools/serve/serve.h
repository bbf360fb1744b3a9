/* serve.h: `ladder serve`, the web front end's server, inside the ladder binary. What its files
 * share: the server's state, a request as the routes see it (http.c turns libmicrohttpd's
 * connection into one) and the answer they make.
 *
 *   serve.c    the command: options, the state folder, start and stop (Ctrl-C), the addresses
 *   http.c     libmicrohttpd: one thread, caps, bodies, headers; a ServeRequest per request
 *   routes.c   the routes: embedded assets and the players' API
 *   facilitator.c  the facilitator's routes: the players' state, the report, the join QR code
 *   phones.c   room mode with the room's phones (ladder workshop --phones): votes, projector,
 *              presenter
 *   qr.c       the join address as a QR code (libqrencode): SVG and terminal
 *   players.c  who each browser is and their game
 *
 * Threading: libmicrohttpd runs one internal thread (epoll) that reads requests, calls
 * serve_route and writes answers; no other thread touches the server's state. Every game has a
 * Lua state of its own (Session -> Story -> Host), so no two games ever share one, and no two
 * requests run at once. A slow request is bounded by the story's budgets (instructions, memory,
 * wall clock: engine/lua/script.h); slow or idle clients cost no time, as libmicrohttpd reads
 * and writes without blocking and drops a connection idle for SERVE_IDLE_SECONDS. */
#ifndef LADDER_SERVE_H
#define LADDER_SERVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/util.h"
#include "tools/serve/players.h"

/* Caps on what the network can make the server do. */
#define SERVE_MAX_BODY (16 * 1024)   /* bytes of a request body */
#define SERVE_MAX_PLAYERS 1000       /* players of one server (--max-players) */
#define SERVE_MAX_CONNECTIONS 1100   /* open connections at once: a full room of players
                                        * holding one each, and the facilitator's */
#define SERVE_IDLE_SECONDS 30        /* a connection idle this long is closed */
#define SERVE_REPORT_LINKS 8         /* report addresses alive at once */
#define SERVE_REPORT_SECONDS 300     /* how long a report address stays valid */

/* A story the server offers. */
typedef struct ServeStory {
    char *ref; /* as given on the command line: a bundled id or a path */
    char *id, *title, *summary, *content_note;
} ServeStory;

typedef struct ServeReportLink {
    char nonce[33];
    double expires; /* util_now_seconds */
} ServeReportLink;

typedef struct ServePhones ServePhones;

typedef struct Server {
    ServePhones *phones; /* room mode with phones (phones.c), or NULL: players (routes.c) */
    Players *players;
    ServeStory *stories;
    size_t n_stories;
    char admin[65];     /* the facilitator's token (hex) */
    char *join_url;     /* the address players open, e.g. http://192.168.1.5:8080/ */
    char *session_code; /* participant mode, with results_dir; else NULL */
    char *results_dir;
    char *qr_svg;       /* the join address as an SVG QR code, made once */
    ServeReportLink links[SERVE_REPORT_LINKS];
} Server;

/* A request as the routes see it; every pointer borrowed for the call. */
typedef struct ServeRequest {
    const char *method;        /* "GET", "POST", ... */
    const char *path;          /* the URL's path, without the query */
    const char *body;          /* the body (NUL-terminated), or NULL */
    size_t body_len;           /* at most SERVE_MAX_BODY */
    const char *cookie;        /* the ladder_player cookie's value, or NULL */
    const char *room_cookie;   /* the ladder_room cookie's value (room mode), or NULL */
    const char *authorization; /* the Authorization header, or NULL */
    const char *content_type;  /* the Content-Type header, or NULL */
    const char *if_none_match; /* the If-None-Match header, or NULL */
} ServeRequest;

/* What a route answers. body is the route's (freed by serve_response_free); static_body points
 * at embedded bytes and is used instead when set. */
typedef struct ServeResponse {
    int status;               /* an HTTP status code */
    const char *type;         /* Content-Type */
    Buf body;
    const unsigned char *static_body;
    size_t static_len;
    char *set_cookie;         /* a Set-Cookie value (malloc'd) or NULL */
    char *etag;               /* an ETag value with its quotes (malloc'd) or NULL */
    bool report_page;         /* a report page: inline styles allowed by its own CSP */
} ServeResponse;

/* Answer rq (routes.c). Never fails: what is wrong with rq is a 4xx answer with
 * {"error": "..."}. */
void serve_route(Server *sv, const ServeRequest *rq, ServeResponse *out);
void serve_response_free(ServeResponse *r);
/* out as {"error": message} with status (routes.c). */
void serve_error(ServeResponse *out, int status, const char *fmt, ...) LADDER_PRINTF(3, 4);
/* The same with a word for programs: {"error": message, "reason": reason} (routes.c). */
void serve_refuse(ServeResponse *out, int status, const char *reason, const char *fmt, ...)
    LADDER_PRINTF(4, 5);
/* out as the JSON text of o (which is deleted) with status 200 (routes.c). */
typedef struct cJSON cJSON;
void serve_json(ServeResponse *out, cJSON *o);

/* The facilitator's routes under /api/room, /api/report, /report/ and /api/qr.svg (facilitator.c).
 * Returns false when path is none of them. */
bool serve_room_route(Server *sv, const ServeRequest *rq, ServeResponse *out);

/* Whether rq carries the facilitator's token (Authorization: Bearer TOKEN, compared in
 * constant time) (facilitator.c). */
bool serve_is_admin(const Server *sv, const ServeRequest *rq);
/* Room mode's routes (phones.c): /api/room/... Returns false when path is none of them. */
bool serve_phones_route(Server *sv, const ServeRequest *rq, ServeResponse *out);

/* serve.c, for phones.c too: the facilitator's token of the state folder (kept in
 * STATE/admin.token, 0600, made when missing) into sv->admin; 0, or -1 with err. */
int serve_admin_token(Server *sv, const char *state, Err *err);
/* The host part of the address others open for addr: the machine's first network address
 * for 0.0.0.0 (127.0.0.1 when it has none), else addr. malloc'd. */
char *serve_public_host(const char *addr);
/* Parse ADDR:PORT; 0, or -1 when it is not one (*addr malloc'd on success). */
int serve_parse_listen(const char *s, char **addr, int *port);
/* Raise the soft limit of open files for many connections (best effort). */
void serve_more_files(void);

/* The join address as an SVG image (qr.c): malloc'd text, or NULL with err when it cannot be
 * encoded. */
char *serve_qr_svg(const char *text, Err *err);
/* Print the join address as a QR code to out with half-block characters (qr.c); nothing when
 * it cannot be encoded. */
void serve_qr_print(FILE *out, const char *text);

/* Run an HTTP server on addr:port answering with serve_route until a signal in sigs arrives
 * (http.c). port 0 tries 8080 to 8099 and takes the first free one. *bound receives the port
 * listened on, and ready() is called once listening. Returns 0 after a clean stop, or -1 with
 * err when it cannot listen. */
int serve_http_run(Server *sv, const char *addr, int port, int *bound,
                   void (*ready)(Server *sv, int port), Err *err);

#endif
