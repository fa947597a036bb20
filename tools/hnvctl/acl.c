// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * hnvctl acl { add | replace | default | del | flush | show | help }: the
 * access control lists of the switches' ports and virtual subnets.  An
 * ACL belongs to a port ("dev PORT") or to a VSID of a switch ("vsid VSID
 * switch NAME"), and to a direction seen from the VM: "in" is what is
 * delivered to it, "out" what it sends.  Its rules have a priority (the
 * matching rule of the lowest decides) and an action, allow (stateful:
 * the return traffic of the connections it lets through passes too) or
 * deny; its default action is taken when no rule matches.
 *
 * The arguments are checked here before anything is sent: the ranges,
 * that stateful goes with allow and ports with tcp or udp, that the
 * prefixes and the protocol agree on the family, that no bit of a prefix
 * is set past its length.  The kernel checks them again.  "replace" is
 * "add" with the flag attribute HNV_A_REPLACE, "default" an ACL_NEW with
 * the flag HNV_ACL_A_DEFAULT.  In a batch, add, replace, default and del
 * are pipelined (hnvctl.c), as those of "map" are.
 *
 * "show" lists the rules by switch, port (ports first) or VSID, direction
 * and priority, each ACL's default after its rules.  Switches and ports
 * are named with if_indextoname(), as by "flow show".
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include <linux/hnv.h>

#include "hnvctl.h"
#include "names.h"
#include "output.h"
#include "parse.h"

static void acl_usage(FILE *fp)
{
	fputs("Usage: hnvctl acl add OWNER dir { in | out } prio PRIO\n"
	      "                      { allow [ stateful ] | deny } "
	      "[ proto PROTO ]\n"
	      "                      [ src PREFIX ] [ dst PREFIX ] "
	      "[ sport PORTS ]\n"
	      "                      [ dport PORTS ]\n"
	      "       hnvctl acl replace OWNER dir { in | out } prio PRIO\n"
	      "                          { allow [ stateful ] | deny } "
	      "[ proto PROTO ]\n"
	      "                          [ src PREFIX ] [ dst PREFIX ] "
	      "[ sport PORTS ]\n"
	      "                          [ dport PORTS ]\n"
	      "       hnvctl acl default OWNER dir { in | out } "
	      "{ allow [ stateful ] | deny }\n"
	      "       hnvctl acl del OWNER dir { in | out } "
	      "{ prio PRIO | default }\n"
	      "       hnvctl acl flush switch NAME [ dev PORT | vsid VSID ]\n"
	      "                        [ dir { in | out } ]\n"
	      "       hnvctl acl show [ switch NAME ] "
	      "[ dev PORT | vsid VSID ]\n"
	      "       hnvctl acl help\n"
	      "where  OWNER := { dev PORT [ switch NAME ] | vsid VSID "
	      "switch NAME }\n"
	      "       VSID := " STRINGIFY(HNV_VSID_MIN) ".."
	      STRINGIFY(HNV_VSID_MAX) "\n"
	      "       PRIO := 1..65535, the lower the stronger\n"
	      "       PROTO := { tcp | udp | icmp | icmpv6 | 0..255 }\n"
	      "       PREFIX := an IPv4 or IPv6 address, with a length or not "
	      "(a host), as\n"
	      "                 10.1.0.0/16 or fd00:1::5\n"
	      "       PORTS := a port or a range N-M, 0..65535, as 80 or "
	      "1024-65535\n"
	      "\n"
	      "  dir       in: what is delivered to the VM; out: what it "
	      "sends\n"
	      "  add       adds the rule of PRIO to the ACL of the port or "
	      "VSID; fails if\n"
	      "            there is one\n"
	      "  replace   adds it, or replaces the rule of PRIO\n"
	      "  default   sets the action taken when no rule matches (allow "
	      "until set)\n"
	      "  del       deletes the rule of PRIO, or resets the default "
	      "to allow\n"
	      "  flush     deletes the rules and defaults of the switch, or "
	      "of a port or\n"
	      "            VSID of it, of one direction or both\n"
	      "  stateful  the return traffic of the connections the rule "
	      "allows passes too\n"
	      "            (see \"hnvctl conn help\")\n"
	      "  A packet must be allowed by every ACL on its way: leaving a "
	      "VM, its port's\n"
	      "  then its VSID's out ACL; delivered to a VM, its VSID's then "
	      "its port's in\n"
	      "  ACL.  A rule matches IPv4 and IPv6 unless a prefix or the "
	      "protocol names\n"
	      "  the family; sport and dport go with proto tcp or udp.\n"
	      "  In a -batch, consecutive add, replace, default and del "
	      "commands are\n"
	      "  pipelined.\n", fp);
}

static int acl_help(struct hnvctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	acl_usage(stdout);
	return EXIT_SUCCESS;
}

/* The keywords of the commands of "acl". */
enum {
	K_DEV, K_VSID, K_SWITCH, K_DIR, K_PRIO, K_DEFAULT, K_ALLOW, K_DENY,
	K_STATEFUL, K_PROTO, K_SRC, K_DST, K_SPORT, K_DPORT, K_MAX,
};

/* The commands that take a keyword. */
#define FOR_NEW		0x1	/* add, replace */
#define FOR_DEFAULT	0x2
#define FOR_DEL		0x4
#define FOR_FLUSH	0x8
#define FOR_SHOW	0x10
#define FOR_ALL		0x1f

static const struct {
	const char *name;
	const char *what;	/* "a port": for "... was already given" */
	bool flag;		/* takes no value */
	unsigned int cmds;	/* FOR_* */
} keywords[K_MAX] = {
	[K_DEV]		= { "dev", "a port", false, FOR_ALL },
	[K_VSID]	= { "vsid", "a VSID", false, FOR_ALL },
	[K_SWITCH]	= { "switch", "a switch", false, FOR_ALL },
	[K_DIR]		= { "dir", "a direction", false,
			    FOR_NEW | FOR_DEFAULT | FOR_DEL | FOR_FLUSH },
	[K_PRIO]	= { "prio", "a priority", false, FOR_NEW | FOR_DEL },
	[K_DEFAULT]	= { "default", "default", true, FOR_DEL },
	[K_ALLOW]	= { "allow", "allow", true, FOR_NEW | FOR_DEFAULT },
	[K_DENY]	= { "deny", "deny", true, FOR_NEW | FOR_DEFAULT },
	[K_STATEFUL]	= { "stateful", "stateful", true,
			    FOR_NEW | FOR_DEFAULT },
	[K_PROTO]	= { "proto", "a protocol", false, FOR_NEW },
	[K_SRC]		= { "src", "a source prefix", false, FOR_NEW },
	[K_DST]		= { "dst", "a destination prefix", false,
			    FOR_NEW },
	[K_SPORT]	= { "sport", "a source port", false, FOR_NEW },
	[K_DPORT]	= { "dport", "a destination port", false, FOR_NEW },
};

/*
 * Parses the arguments of a command, cmd one of FOR_*: the keywords it
 * takes, in any order, into words[K_*] (NULL if not given; a flag's word
 * is the word that gave it).
 */
static int words_parse(unsigned int cmd, int argc, char **argv,
		       const char *words[K_MAX], bool *help)
{
	struct kwarg args[K_MAX];
	int place[K_MAX];
	size_t n = 0;
	int k;

	for (k = 0; k < K_MAX; k++) {
		place[k] = -1;
		if (!(keywords[k].cmds & cmd))
			continue;
		place[k] = n;
		args[n++] = (struct kwarg){
			.name = keywords[k].name,
			.what = keywords[k].what,
			.flag = keywords[k].flag,
		};
	}
	if (kwargs_parse(args, n, -1, help, argc, argv, acl_usage))
		return -1;
	for (k = 0; k < K_MAX; k++)
		words[k] = place[k] >= 0 ? args[place[k]].value : NULL;
	return 0;
}

/* Says that one of two keywords must be given; -1. */
static int one_required(const char *a, const char *b)
{
	fprintf(stderr, "Error: argument \"%s\" or \"%s\" is required.\n", a,
		b);
	acl_usage(stderr);
	return -1;
}

/*
 * The owner of an ACL: "dev PORT" (and "switch NAME", optional), or "vsid
 * VSID" and "switch NAME", required with it; into sel.  Without
 * required, neither dev nor vsid may be given (a flush or a show of the
 * switch).
 */
static int owner_args(const char *words[K_MAX], bool required,
		      struct hnv_acl_sel *sel)
{
	const char *dev = words[K_DEV], *vsid = words[K_VSID];
	const char *why;

	memset(sel, 0, sizeof(*sel));
	if (dev && vsid)
		return arg_invalid(vsid, "an ACL is a port's (dev) or a "
				   "VSID's (vsid), not both", acl_usage);
	if (required && !dev && !vsid)
		return one_required("dev", "vsid");
	if (dev) {
		why = ifname_invalid(dev);
		if (why)
			return arg_invalid(dev, why, acl_usage);
		sel->port.ifname = dev;
	}
	if (vsid && vsid_arg(vsid, false, &sel->vsid, acl_usage))
		return -1;
	if (words[K_SWITCH])
		return switch_arg(words[K_SWITCH], &sel->sw, acl_usage);
	if (vsid && required)
		return arg_required("switch", "with vsid", acl_usage);
	return 0;
}

/* "dir { in | out }", into r; required unless optional. */
static int dir_arg(const char *word, bool optional, struct hnv_acl_ref *r)
{
	if (!word)
		return optional ? 0 : arg_required("dir", NULL, acl_usage);
	r->dir = acl_dir_parse(word);
	if (r->dir == HNV_ACL_DIR_UNSPEC)
		return arg_invalid(word, "dir must be in or out", acl_usage);
	r->has |= HNV_ACL_DIR;
	return 0;
}

/* "prio PRIO", 1 .. 65535, into r. */
static int prio_arg(const char *word, struct hnv_acl_ref *r)
{
	if (parse_u32(word, 1, 65535, &r->priority))
		return arg_invalid(word, "prio must be 1..65535", acl_usage);
	r->has |= HNV_ACL_PRIORITY;
	return 0;
}

/* "allow [ stateful ]" or "deny", one of them required; into r. */
static int action_args(const char *words[K_MAX], struct hnv_acl_ref *r)
{
	if (words[K_ALLOW] && words[K_DENY])
		return arg_invalid(words[K_DENY],
				   "allow and deny exclude each other",
				   acl_usage);
	if (!words[K_ALLOW] && !words[K_DENY])
		return one_required("allow", "deny");
	if (words[K_STATEFUL] && !words[K_ALLOW])
		return arg_invalid(words[K_STATEFUL],
				   "stateful goes with allow only", acl_usage);
	r->action = words[K_ALLOW] ? HNV_ACL_ACTION_ALLOW :
				     HNV_ACL_ACTION_DENY;
	r->has |= HNV_ACL_ACTION | (words[K_STATEFUL] ? HNV_ACL_STATEFUL : 0);
	return 0;
}

/*
 * A prefix word, ADDR/LEN or ADDR alone (a host: /32 or /128), into p,
 * without a bit set past the length; if it has one, the error names the
 * prefix meant.
 */
static int prefix_arg(const char *word, struct hnv_acl_prefix *p)
{
	char why[160], text[INET6_ADDRSTRLEN];
	uint8_t addr[16], alen, len;
	const char *bad;
	bool host = false;
	int i;

	if (!strchr(word, '/')) {
		if (parse_ca(word, addr, &alen))
			return arg_invalid(word,
					   "prefix must be an IPv4 or IPv6 "
					   "address, with a length or not, as "
					   "in 10.1.0.0/16 or fd00:1::5",
					   acl_usage);
		len = alen * 8;
	} else {
		bad = parse_prefix(word, addr, &alen, &len);
		if (bad)
			return arg_invalid(word, bad, acl_usage);
	}
	for (i = len; i < alen * 8; i++) {
		if (addr[i / 8] & (0x80 >> (i % 8)))
			host = true;
		addr[i / 8] &= ~(0x80 >> (i % 8));
	}
	if (host) {
		inet_ntop(alen == 4 ? AF_INET : AF_INET6, addr, text,
			  sizeof(text));
		snprintf(why, sizeof(why),
			 "prefix has bits set past its length; did you mean "
			 "%s/%u?", text, len);
		return arg_invalid(word, why, acl_usage);
	}
	memcpy(p->addr, addr, alen);
	p->alen = alen;
	p->len = len;
	return 0;
}

/*
 * The ports of "sport" or "dport" (what), a port or a range N-M with N
 * <= M, into *min and *max; *range says whether a range was given.
 */
static int ports_arg(const char *word, const char *what, uint16_t *min,
		     uint16_t *max, bool *range)
{
	const char *dash = strchr(word, '-');
	uint32_t lo, hi;
	char first[8], why[96];

	snprintf(why, sizeof(why), "%s must be a port or a range N-M, "
		 "0..65535, as 80 or 1024-65535", what);
	*range = dash != NULL;
	if (!dash) {
		if (parse_u32(word, 0, 65535, &lo))
			return arg_invalid(word, why, acl_usage);
		*min = *max = lo;
		return 0;
	}
	if ((size_t)(dash - word) >= sizeof(first))
		return arg_invalid(word, why, acl_usage);
	memcpy(first, word, dash - word);
	first[dash - word] = '\0';
	if (parse_u32(first, 0, 65535, &lo) ||
	    parse_u32(dash + 1, 0, 65535, &hi))
		return arg_invalid(word, why, acl_usage);
	if (lo > hi)
		return arg_invalid(word, "the first port of a range must not "
				   "be above the last", acl_usage);
	*min = lo;
	*max = hi;
	return 0;
}

/* The family of prefix p, checked against protocol proto (if has_proto). */
static int family_arg(const char *word, const struct hnv_acl_prefix *p,
		      bool has_proto, uint8_t proto)
{
	if (has_proto && proto == IPPROTO_ICMP && p->alen != 4)
		return arg_invalid(word, "icmp matches IPv4 only; the prefix "
				   "must be IPv4", acl_usage);
	if (has_proto && proto == IPPROTO_ICMPV6 && p->alen != 16)
		return arg_invalid(word, "icmpv6 matches IPv6 only; the prefix "
				   "must be IPv6", acl_usage);
	return 0;
}

/*
 * What a rule matches: "proto", "src", "dst", "sport" and "dport", all
 * optional; into acl.
 */
static int match_args(const char *words[K_MAX], struct hnv_acl *acl)
{
	const char *word = words[K_PROTO];
	bool tcp_udp, range;

	if (word) {
		if (ip_proto_parse(word, &acl->proto))
			return arg_invalid(word, "proto must be tcp, udp, "
					   "icmp, icmpv6 or a number 0..255",
					   acl_usage);
		acl->has |= HNV_ACL_PROTO;
	}
	if ((words[K_SRC] && prefix_arg(words[K_SRC], &acl->src)) ||
	    (words[K_DST] && prefix_arg(words[K_DST], &acl->dst)))
		return -1;
	if (acl->src.alen && acl->dst.alen && acl->src.alen != acl->dst.alen)
		return arg_invalid(words[K_DST], "src and dst must be of one "
				   "family, IPv4 or IPv6", acl_usage);
	if ((acl->src.alen && family_arg(words[K_SRC], &acl->src,
					 acl->has & HNV_ACL_PROTO,
					 acl->proto)) ||
	    (acl->dst.alen && family_arg(words[K_DST], &acl->dst,
					 acl->has & HNV_ACL_PROTO,
					 acl->proto)))
		return -1;
	tcp_udp = (acl->has & HNV_ACL_PROTO) &&
		  (acl->proto == IPPROTO_TCP || acl->proto == IPPROTO_UDP);
	word = words[K_SPORT] ? words[K_SPORT] : words[K_DPORT];
	if (word && !tcp_udp)
		return arg_invalid(word, "ports go with proto tcp or udp only",
				   acl_usage);
	if (words[K_SPORT]) {
		if (ports_arg(words[K_SPORT], "sport", &acl->sport_min,
			      &acl->sport_max, &range))
			return -1;
		acl->has |= HNV_ACL_SPORT_MIN | (range ? HNV_ACL_SPORT_MAX : 0);
	}
	if (words[K_DPORT]) {
		if (ports_arg(words[K_DPORT], "dport", &acl->dport_min,
			      &acl->dport_max, &range))
			return -1;
		acl->has |= HNV_ACL_DPORT_MIN | (range ? HNV_ACL_DPORT_MAX : 0);
	}
	return 0;
}

/*
 * Parses the arguments of "add" and "replace" (cmd FOR_NEW) or of
 * "default" (FOR_DEFAULT) into sel and acl.
 */
static int new_args(unsigned int cmd, int argc, char **argv,
		    struct hnv_acl_sel *sel, struct hnv_acl *acl, bool *help)
{
	const char *words[K_MAX];

	if (words_parse(cmd, argc, argv, words, help))
		return -1;
	if (*help)
		return 0;
	memset(acl, 0, sizeof(*acl));
	if (owner_args(words, true, sel) ||
	    dir_arg(words[K_DIR], false, &acl->ref))
		return -1;
	if (cmd == FOR_DEFAULT)
		acl->ref.has |= HNV_ACL_DEFAULT;
	else if (!words[K_PRIO])
		return arg_required("prio", NULL, acl_usage);
	else if (prio_arg(words[K_PRIO], &acl->ref))
		return -1;
	if (action_args(words, &acl->ref))
		return -1;
	return cmd == FOR_NEW ? match_args(words, acl) : 0;
}

static int acl_new(struct hnvctl *ctl, unsigned int cmd, int argc,
		   char **argv, bool replace)
{
	struct hnv_acl_sel sel;
	struct hnv_acl acl;
	struct nlerr err;
	bool help;

	if (new_args(cmd, argc, argv, &sel, &acl, &help))
		return EXIT_FAILURE;
	if (help)
		return acl_help(ctl, 0, NULL);
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_acl_new(&ctl->hnv, &sel, &acl, replace, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int acl_add(struct hnvctl *ctl, int argc, char **argv)
{
	return acl_new(ctl, FOR_NEW, argc, argv, false);
}

static int acl_replace(struct hnvctl *ctl, int argc, char **argv)
{
	return acl_new(ctl, FOR_NEW, argc, argv, true);
}

static int acl_default(struct hnvctl *ctl, int argc, char **argv)
{
	return acl_new(ctl, FOR_DEFAULT, argc, argv, false);
}

static int acl_del(struct hnvctl *ctl, int argc, char **argv)
{
	const char *words[K_MAX];
	struct hnv_acl_sel sel;
	struct hnv_acl acl = { 0 };
	struct nlerr err;
	bool help;

	if (words_parse(FOR_DEL, argc, argv, words, &help))
		return EXIT_FAILURE;
	if (help)
		return acl_help(ctl, 0, NULL);
	if (owner_args(words, true, &sel) ||
	    dir_arg(words[K_DIR], false, &acl.ref))
		return EXIT_FAILURE;
	if (words[K_PRIO] && words[K_DEFAULT]) {
		arg_invalid(words[K_DEFAULT], "a rule (prio) or the default, "
			    "not both", acl_usage);
		return EXIT_FAILURE;
	}
	if (!words[K_PRIO] && !words[K_DEFAULT]) {
		one_required("prio", "default");
		return EXIT_FAILURE;
	}
	if (words[K_PRIO] && prio_arg(words[K_PRIO], &acl.ref))
		return EXIT_FAILURE;
	if (words[K_DEFAULT])
		acl.ref.has |= HNV_ACL_DEFAULT;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_acl_del(&ctl->hnv, &sel, &acl, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int acl_flush(struct hnvctl *ctl, int argc, char **argv)
{
	const char *words[K_MAX];
	struct hnv_acl_ref dir = { 0 };
	struct hnv_acl_sel sel;
	struct nlerr err;
	bool help;

	if (words_parse(FOR_FLUSH, argc, argv, words, &help))
		return EXIT_FAILURE;
	if (help)
		return acl_help(ctl, 0, NULL);
	if (!words[K_SWITCH]) {
		arg_required("switch", NULL, acl_usage);
		return EXIT_FAILURE;
	}
	if (owner_args(words, false, &sel) ||
	    dir_arg(words[K_DIR], true, &dir))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_acl_flush(&ctl->hnv, &sel, dir.dir, &err)) {
		hnvctl_perror(&err);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/*
 * By switch, owner (ports, by ifindex, before VSIDs), direction (in
 * first) and priority, a default after the rules.
 */
static int acl_cmp(const void *a, const void *b)
{
	const struct hnv_acl_ref *x = &((const struct hnv_acl *)a)->ref;
	const struct hnv_acl_ref *y = &((const struct hnv_acl *)b)->ref;
	uint32_t sx = ((const struct hnv_acl *)a)->switch_ifindex;
	uint32_t sy = ((const struct hnv_acl *)b)->switch_ifindex;
	bool px = x->has & HNV_ACL_PORT, py = y->has & HNV_ACL_PORT;
	bool dx = x->has & HNV_ACL_DEFAULT, dy = y->has & HNV_ACL_DEFAULT;
	uint32_t ox = px ? x->port_ifindex : x->vsid;
	uint32_t oy = py ? y->port_ifindex : y->vsid;

	if (sx != sy)
		return sx < sy ? -1 : 1;
	if (px != py)
		return px ? -1 : 1;
	if (ox != oy)
		return ox < oy ? -1 : 1;
	if (x->dir != y->dir)
		return x->dir < y->dir ? -1 : 1;
	if (dx != dy)
		return dx ? 1 : -1;
	return x->priority < y->priority ? -1 : x->priority > y->priority;
}

static int acl_show(struct hnvctl *ctl, int argc, char **argv)
{
	struct hnv_acl_list list = { 0 };
	const char *words[K_MAX];
	struct hnv_acl_sel sel;
	struct nlerr err;
	struct out o;
	size_t i, n;
	bool help;

	if (words_parse(FOR_SHOW, argc, argv, words, &help))
		return EXIT_FAILURE;
	if (help)
		return acl_help(ctl, 0, NULL);
	if (owner_args(words, false, &sel))
		return EXIT_FAILURE;
	if (hnvctl_connect(ctl))
		return EXIT_FAILURE;
	if (hnv_acl_dump(&ctl->hnv, &sel, &list, &err)) {
		hnvctl_perror(&err);
		hnv_acl_list_free(&list);
		return EXIT_FAILURE;
	}
	/* the kernel keeps those of the VSID only; so does hnvctl */
	for (i = n = 0; sel.vsid && i < list.n; i++)
		if ((list.v[i].ref.has & HNV_ACL_VSID) &&
		    list.v[i].ref.vsid == sel.vsid)
			list.v[n++] = list.v[i];
	if (sel.vsid)
		list.n = n;
	if (list.n)
		qsort(list.v, list.n, sizeof(*list.v), acl_cmp);
	out_begin(&o, stdout, ctl->json, ctl->pretty);
	for (i = 0; i < list.n; i++)
		out_acl(&o, &list.v[i]);
	out_end(&o);
	hnv_acl_list_free(&list);
	return EXIT_SUCCESS;
}

static const struct cmd acl_cmds[] = {
	{ "add", acl_add },
	{ "replace", acl_replace },
	{ "default", acl_default },
	{ "del", acl_del },
	{ "flush", acl_flush },
	{ "show", acl_show },
	{ "list", acl_show },
	{ "help", acl_help },
};

/*
 * "add", "replace", "default" and "del" (or prefixes of them) only want
 * the kernel's ACK: a batch pipelines them.
 */
bool acl_pipelined(int argc, char **argv)
{
	int i;

	if (argc < 1)
		return false;
	i = KEYWORD_MATCH(argv[0], acl_cmds);
	return i >= 0 && (acl_cmds[i].fn == acl_add ||
			  acl_cmds[i].fn == acl_replace ||
			  acl_cmds[i].fn == acl_default ||
			  acl_cmds[i].fn == acl_del);
}

int do_acl(struct hnvctl *ctl, int argc, char **argv)
{
	if (!argc)
		return acl_show(ctl, 0, NULL);
	return cmd_dispatch(ctl, "command", acl_cmds, ARRAY_SIZE(acl_cmds),
			    argc, argv, acl_usage);
}
