/* protocol.h: the JSON protocol, version REQUEST_PROTOCOL (README.md, "The JSON front end"), as
 * cJSON messages: what is on screen (a direct serialisation of core/screen.h's Screen), the
 * saves, the stories, notices and errors, and one request carried out. The JSON line front end
 * (json.c) prints each message on a line; the web server (tools/serve) answers with them. */
#ifndef LADDER_PROTOCOL_H
#define LADDER_PROTOCOL_H

#include <cJSON.h>
#include <stdbool.h>

#include "core/screen.h"
#include "core/session.h"
#include "ui/json/request.h"

/* {"type":TYPE,"message":MESSAGE}. A new object the caller owns (cJSON_Delete). */
cJSON *protocol_message(const char *type, const char *message);
/* {"type":"error","message":..,"script":SCRIPT}: a request refused (SCRIPT false) or a story's
 * script that failed (true). A new object the caller owns. */
cJSON *protocol_error(const char *message, bool script);
/* Prose as paragraphs of styled runs: [[{"text":"..","em":B,"strong":B} | {"break":true}, ...]]
 * (the scene message's "paragraphs"). A new array the caller owns. */
cJSON *protocol_prose(const ScreenProse *p);
/* The screen now, as an array of messages: the screen as a message of type TYPE ("scene", or
 * "hello", which adds "protocol" and "engine"), then a "notice" with what the session had to
 * say, if anything (session_take_notice). A new array the caller owns. */
cJSON *protocol_scene(Session *s, const char *type);
/* {"type":"saves","saves":[{"name","path","updated","decisions","at","ended"}]}: the saves of
 * the story being played, newest first; "updated" is UTC (ISO 8601), "at" where it stands.
 * "path" is left out when the session has no save folder. A new object the caller owns. */
cJSON *protocol_saves(const Session *s);
/* {"type":"stories","stories":[{"id","title","summary","path"}],"problems":...}: the bundled
 * stories in title-menu order; "problems" names those that failed to load (or is null). A new
 * object the caller owns. */
cJSON *protocol_stories(void);
/* Carry out one request on s and append the messages it makes to the array out, in order: the
 * notices and the new screen, or an error (the game unchanged), "saved", "saves" or "stories".
 * shown: when the current scene was first shown (util_now_seconds), for the seconds a choice
 * took; updated when a new scene is shown. Returns 1 for quit (nothing appended), else 0;
 * *script_failed becomes true when a story's script failed. */
int protocol_serve(Session *s, const Request *rq, double *shown, cJSON *out, bool *script_failed);

#endif
