// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Printing the model, for people or as JSON.
 *
 *   switch hnv0 ifindex 7 ports 2
 *       flows 12 (max 262144, per port 16384, idle 30000ms)
 *       pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2
 *           maps-max 1048576 strict off nvgre-flowid on
 *           router-mac 02:48:4e:56:00:01
 *       RX: packets  bytes
 *                12   1234
 *       TX: packets  bytes
 *                10   1000
 *       flows: new 15 aged 3 uncached 0 recomposed 1
 *       drops: 4
 *           port-unbound 3
 *           switch-xmit  1
 *
 * (the "flows" line of a switch only if the kernel reports its flow
 * tables, the "pa" line only if it reports its provider addresses, VXLAN
 * port and mappings, on one line; "pa none" if it has no PA; "maps-max",
 * "strict", "nvgre-flowid" and "router-mac" only if it reports them).
 * JSON:
 * [{"ifname":"hnv0","ifindex":7,"ports":2,"flows":12,"uft_max":262144,
 * "uft_port_max":16384,"uft_idle_ms":30000,"pas":["192.168.1.10",
 * "192.168.1.11"],"vxlan_port":4789,"maps":2,"maps_max":1048576,
 * "strict":false,"nvgre_flowid":true,"router_mac":"02:48:4e:56:00:01",
 * "stats":{
 * "rx_packets":12,"rx_bytes":1234,"tx_packets":10,"tx_bytes":1000,
 * "flows_new":15,"flows_aged":3,"flows_uncached":0,"flows_recomposed":1,
 * "drops":{"port-unbound":3,"switch-xmit":1,...}}}].  Every known drop
 * reason is a key, zero or not; a reason this hnvctl does not know appears
 * as "reason-N" when not zero.
 *
 * Subnets, virtual networks, flows, mappings and routes take one line
 * each, without empty lines between them:
 *
 *   subnet 5001 rdid 1 encap vxlan prefix 10.1.1.0/24 gateway 10.1.1.1
 *       prefix fd00:1::/64 gateway fd00:1::1 switch hnv0
 *   vnet rdid 1 switch hnv0 subnets 5001 5002
 *   hnv0 port v1: 02:00:00:00:00:01 > 02:00:00:00:00:02 ipv4 10.0.0.1 >
 *       10.0.0.2 icmp packets 3 bytes 294 idle 120ms actions output v2
 *   hnv0 uplink vsid 5001 from 192.168.2.20: 02:00:00:00:00:02 >
 *       02:00:00:00:00:01 ipv4 10.0.0.2 > 10.0.0.1 icmp packets 3
 *       bytes 294 idle 120ms actions output v1
 *   map vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 pa 192.168.2.20
 *       switch hnv0
 *   route rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0
 *
 * (the subnet, the flows, the mapping and the route on one line each; a
 * subnet's prefixes only if it has them, IPv4 first; the second flow came from the
 * physical network: its VSID and outer source stand for its port).  In
 * JSON, a subnet has "prefix" and "gateway" (IPv4), "prefix6" and
 * "gateway6" (IPv6) after "encap", each only if the kernel sent it; a
 * bound port with customer addresses has "cas" after "mac"; a virtual
 * network is {"rdid":1,"switch":"hnv0","subnets":[5001,5002]}; a route
 * {"rdid":1,"prefix":"10.9.0.0/16","via":"10.1.2.50","switch":"hnv0"}.
 * An encap action is "encap vxlan vni 5001 192.168.1.10 > 192.168.2.20",
 * in JSON {"encap":{"type":"vxlan","vni":5001,"src":"192.168.1.10",
 * "dst":"192.168.2.20"}}; a reply action "reply 02:48:4e:56:00:01", in
 * JSON {"reply":"02:48:4e:56:00:01"}; a route action "route
 * 02:00:00:00:00:03", in JSON {"route":"02:00:00:00:00:03"}; an ICMP
 * action "icmp 3/1" (type/code), in JSON {"icmp":{"type":3,"code":1}};
 * an echo action "echo", in JSON {"echo":true}.  In JSON, a flow of the
 * uplink has "port":"uplink", "vsid" and "tun_src" (its outer source).
 *
 * An ACL action is "acl dev v1 out prio 100" or "acl vsid 5001 in
 * default" (the rule that allowed the packet), "acl conn" (the return
 * traffic of a tracked connection), in JSON {"acl":{"dev":"v1",
 * "dir":"out","prio":100}}, {"acl":{"conn":"established"}}.  A switch
 * with stateful ACLs has a line "conns 2 conn-timeout 30s
 * conn-tcp-timeout 3600s" after the pa line, in JSON "conns",
 * "conn_timeout" and "conn_tcp_timeout" before "stats".
 *
 * ACL rules and tracked connections take one line each too (out_acl(),
 * out_conn()); a trace (out_trace(), after out_one_begin()) is a block of
 * its packet, a line per step and its result, in JSON one object.
 *
 * Events (out_stream_begin()) take one line each, in JSON one object a
 * line (JSON lines), never indented:
 *
 *   neigh-miss switch hnv0 port v1 vsid 5001 addr 10.1.1.99
 *   {"event":"neigh-miss","switch":"hnv0","port":"v1","vsid":5001,
 *       "addr":"10.1.1.99"}
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>

#include <linux/hnv.h>

#include "names.h"
#include "output.h"

void out_begin(struct out *o, FILE *fp, bool json, bool pretty)
{
	o->fp = fp;
	o->json = json;
	o->stream = false;
	o->count = 0;
	o->ifname = if_indextoname;
	if (json) {
		json_init(&o->j, fp, pretty);
		json_array_begin(&o->j, NULL);
	}
}

/*
 * A stream of objects of unknown length, printed as they come: in JSON,
 * each a document of its own on one line (JSON lines), not in an array.
 */
void out_stream_begin(struct out *o, FILE *fp, bool json)
{
	o->fp = fp;
	o->json = json;
	o->stream = true;
	o->count = 0;
	o->ifname = if_indextoname;
	if (json)
		json_init(&o->j, fp, false);
}

/*
 * One object alone, not in an array (the answer of "trace"): in JSON a
 * document of its own, indented if pretty.
 */
void out_one_begin(struct out *o, FILE *fp, bool json, bool pretty)
{
	out_stream_begin(o, fp, json);
	if (json)
		json_init(&o->j, fp, pretty);
}

void out_end(struct out *o)
{
	if (o->json && !o->stream)
		json_array_end(&o->j);
}

/* Starts the block of the next object. */
static void next_object(struct out *o)
{
	if (o->json)
		json_object_begin(&o->j, NULL);
	else if (o->count)
		fputc('\n', o->fp);
	o->count++;
}

/* Starts the line of the next object. */
static void next_line(struct out *o)
{
	if (o->json)
		json_object_begin(&o->j, NULL);
	o->count++;
}

static int u64_width(uint64_t v)
{
	return snprintf(NULL, 0, "%" PRIu64, v);
}

static int max_width(int a, int b)
{
	return a > b ? a : b;
}

/* RX and TX in two aligned tables, the flow counters, the drops by reason. */
static void print_stats(FILE *fp, const struct hnv_stats *st)
{
	int wp = max_width(strlen("packets"),
			   max_width(u64_width(st->rx_packets),
				     u64_width(st->tx_packets)));
	int wb = max_width(strlen("bytes"),
			   max_width(u64_width(st->rx_bytes),
				     u64_width(st->tx_bytes)));
	char buf[DROP_REASON_NAMSIZ];
	int wn = 0, wv = 0;
	unsigned int r;

	fprintf(fp, "    RX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->rx_packets, wb, st->rx_bytes);
	fprintf(fp, "    TX: %*s %*s\n", wp, "packets", wb, "bytes");
	fprintf(fp, "        %*" PRIu64 " %*" PRIu64 "\n",
		wp, st->tx_packets, wb, st->tx_bytes);
	fprintf(fp, "    flows: new %" PRIu64 " aged %" PRIu64 " uncached %"
		PRIu64 " recomposed %" PRIu64 "\n", st->flows_new,
		st->flows_aged, st->flows_uncached, st->flows_recomposed);
	fprintf(fp, "    drops: %" PRIu64 "\n", hnv_stats_drops(st));
	for (r = 0; r < HNV_DROP_REASONS; r++) {
		if (!st->drops[r])
			continue;
		wn = max_width(wn, strlen(drop_reason_name(r, buf,
							   sizeof(buf))));
		wv = max_width(wv, u64_width(st->drops[r]));
	}
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (st->drops[r])
			fprintf(fp, "        %-*s %*" PRIu64 "\n", wn,
				drop_reason_name(r, buf, sizeof(buf)),
				wv, st->drops[r]);
}

static void json_stats(struct json *j, const struct hnv_stats *st)
{
	char buf[DROP_REASON_NAMSIZ];
	unsigned int r;

	json_object_begin(j, "stats");
	json_u64(j, "rx_packets", st->rx_packets);
	json_u64(j, "rx_bytes", st->rx_bytes);
	json_u64(j, "tx_packets", st->tx_packets);
	json_u64(j, "tx_bytes", st->tx_bytes);
	json_u64(j, "flows_new", st->flows_new);
	json_u64(j, "flows_aged", st->flows_aged);
	json_u64(j, "flows_uncached", st->flows_uncached);
	json_u64(j, "flows_recomposed", st->flows_recomposed);
	json_object_begin(j, "drops");
	for (r = 0; r < HNV_DROP_REASONS; r++)
		if (drop_reason_known(r) || st->drops[r])
			json_u64(j, drop_reason_name(r, buf, sizeof(buf)),
				 st->drops[r]);
	json_object_end(j);
	json_object_end(j);
}

static const char *in4_name(const uint8_t addr[4], char buf[INET_ADDRSTRLEN])
{
	return inet_ntop(AF_INET, addr, buf, INET_ADDRSTRLEN);
}

static const char *ip_name(const uint8_t *addr, uint8_t len,
			   char buf[INET6_ADDRSTRLEN])
{
	return inet_ntop(len == 4 ? AF_INET : AF_INET6, addr, buf,
			 INET6_ADDRSTRLEN);
}

/*
 * "pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 maps-max 1048576
 * strict off nvgre-flowid on router-mac 02:48:4e:56:00:01", without
 * "maps-max", "strict", "nvgre-flowid" or "router-mac" if the kernel did
 * not report it.
 */
static void print_overlay(FILE *fp, const struct hnv_switch *sw)
{
	char buf[INET_ADDRSTRLEN], mac[MAC_NAMSIZ];
	unsigned int i;

	fputs("    pa", fp);
	if (!sw->pas.n)
		fputs(" none", fp);
	for (i = 0; i < sw->pas.n; i++)
		fprintf(fp, " %s", in4_name(sw->pas.addr[i], buf));
	fprintf(fp, " vxlan-port %" PRIu16 " maps %" PRIu32, sw->vxlan_port,
		sw->nmaps);
	if (sw->has_maps_max)
		fprintf(fp, " maps-max %" PRIu32, sw->maps_max);
	if (sw->has_strict)
		fprintf(fp, " strict %s", sw->strict ? "on" : "off");
	if (sw->has_nvgre_flowid)
		fprintf(fp, " nvgre-flowid %s",
			sw->nvgre_flowid ? "on" : "off");
	if (sw->has_router_mac)
		fprintf(fp, " router-mac %s", mac_name(sw->router_mac, mac));
	fputc('\n', fp);
}

static void json_overlay(struct json *j, const struct hnv_switch *sw)
{
	char buf[INET_ADDRSTRLEN], mac[MAC_NAMSIZ];
	unsigned int i;

	json_array_begin(j, "pas");
	for (i = 0; i < sw->pas.n; i++)
		json_string(j, NULL, in4_name(sw->pas.addr[i], buf));
	json_array_end(j);
	json_u64(j, "vxlan_port", sw->vxlan_port);
	json_u64(j, "maps", sw->nmaps);
	if (sw->has_maps_max)
		json_u64(j, "maps_max", sw->maps_max);
	if (sw->has_strict)
		json_bool(j, "strict", sw->strict);
	if (sw->has_nvgre_flowid)
		json_bool(j, "nvgre_flowid", sw->nvgre_flowid);
	if (sw->has_router_mac)
		json_string(j, "router_mac", mac_name(sw->router_mac, mac));
}

/*
 * "conns 2 conn-timeout 30s conn-tcp-timeout 3600s": the connections the
 * switch tracks and their timeouts, those the kernel reported; nothing
 * if it reported none.
 */
static void print_conns(FILE *fp, const struct hnv_switch *sw)
{
	if (!sw->has_nconns && !sw->has_conn_timeout &&
	    !sw->has_conn_tcp_timeout)
		return;
	fputs("   ", fp);
	if (sw->has_nconns)
		fprintf(fp, " conns %" PRIu32, sw->nconns);
	if (sw->has_conn_timeout)
		fprintf(fp, " conn-timeout %" PRIu32 "s", sw->conn_timeout);
	if (sw->has_conn_tcp_timeout)
		fprintf(fp, " conn-tcp-timeout %" PRIu32 "s",
			sw->conn_tcp_timeout);
	fputc('\n', fp);
}

void out_switch(struct out *o, const struct hnv_switch *sw)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", sw->ifname);
		json_u64(&o->j, "ifindex", sw->ifindex);
		json_u64(&o->j, "ports", sw->nports);
		if (sw->has_uft) {
			json_u64(&o->j, "flows", sw->nflows);
			json_u64(&o->j, "uft_max", sw->uft.max);
			json_u64(&o->j, "uft_port_max", sw->uft.port_max);
			json_u64(&o->j, "uft_idle_ms", sw->uft.idle_ms);
		}
		if (sw->has_overlay)
			json_overlay(&o->j, sw);
		if (sw->has_nconns)
			json_u64(&o->j, "conns", sw->nconns);
		if (sw->has_conn_timeout)
			json_u64(&o->j, "conn_timeout", sw->conn_timeout);
		if (sw->has_conn_tcp_timeout)
			json_u64(&o->j, "conn_tcp_timeout",
				 sw->conn_tcp_timeout);
		json_stats(&o->j, &sw->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "switch %s ifindex %" PRIu32 " ports %" PRIu32 "\n",
		sw->ifname, sw->ifindex, sw->nports);
	if (sw->has_uft)
		fprintf(o->fp, "    flows %" PRIu32 " (max %" PRIu32
			", per port %" PRIu32 ", idle %" PRIu32 "ms)\n",
			sw->nflows, sw->uft.max, sw->uft.port_max,
			sw->uft.idle_ms);
	if (sw->has_overlay)
		print_overlay(o->fp, sw);
	print_conns(o->fp, sw);
	print_stats(o->fp, &sw->stats);
}

/* The customer addresses of a port, in JSON: "cas":["10.1.1.11",...]. */
static void json_cas(struct json *j, const struct hnv_cas *cas)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	json_array_begin(j, "cas");
	for (i = 0; i < cas->n; i++)
		json_string(j, NULL, ip_name(cas->addr[i], cas->len[i], buf));
	json_array_end(j);
}

/*
 * A port: bound ("vsid 5001 mac 02:00:00:00:00:01 ca 10.1.1.11 ca
 * fd00:1::11", the CAs in the kernel's order, if it has any) or unbound.
 */
void out_port(struct out *o, const struct hnv_port *port,
	      const char *switch_name)
{
	char mac[MAC_NAMSIZ], ca[INET6_ADDRSTRLEN];
	unsigned int i;

	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", port->ifname);
		json_u64(&o->j, "ifindex", port->ifindex);
		json_string(&o->j, "switch", switch_name);
		json_u64(&o->j, "vsid", port->vsid);
		if (port->vsid && port->has_mac)
			json_string(&o->j, "mac", mac_name(port->mac, mac));
		if (port->vsid && port->cas.n)
			json_cas(&o->j, &port->cas);
		json_stats(&o->j, &port->stats);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "port %s ifindex %" PRIu32 " switch %s",
		port->ifname, port->ifindex, switch_name);
	if (!port->vsid)
		fputs(" unbound", o->fp);
	else if (port->has_mac)
		fprintf(o->fp, " vsid %" PRIu32 " mac %s", port->vsid,
			mac_name(port->mac, mac));
	else
		fprintf(o->fp, " vsid %" PRIu32, port->vsid);
	for (i = 0; port->vsid && i < port->cas.n; i++)
		fprintf(o->fp, " ca %s",
			ip_name(port->cas.addr[i], port->cas.len[i], ca));
	fputc('\n', o->fp);
	print_stats(o->fp, &port->stats);
}

/* Counters only, of a switch or a port (kind "switch" or "port"). */
void out_counters(struct out *o, const char *kind, const char *ifname,
		  const struct hnv_stats *st)
{
	next_object(o);
	if (o->json) {
		json_string(&o->j, "ifname", ifname);
		json_string(&o->j, "kind", kind);
		json_stats(&o->j, st);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s %s\n", kind, ifname);
	print_stats(o->fp, st);
}

/* "10.1.1.0/24", "fd00:1::/64": a prefix whose addresses are alen bytes. */
static const char *prefix_name(const struct hnv_prefix *p, uint8_t alen,
			       char buf[INET6_ADDRSTRLEN + 4])
{
	char addr[INET6_ADDRSTRLEN];

	snprintf(buf, INET6_ADDRSTRLEN + 4, "%s/%u",
		 ip_name(p->addr, alen, addr), p->len);
	return buf;
}

/*
 * " prefix 10.1.1.0/24 gateway 10.1.1.1", or the JSON keys prefix_key and
 * gateway_key; nothing if the subnet has no prefix of the family, no
 * gateway if the kernel sent none.
 */
static void print_prefix(struct out *o, const struct hnv_prefix *p,
			 uint8_t alen, const char *prefix_key,
			 const char *gateway_key)
{
	char buf[INET6_ADDRSTRLEN + 4], gw[INET6_ADDRSTRLEN] = "";

	if (!p->has)
		return;
	prefix_name(p, alen, buf);
	if (p->has_gateway)
		ip_name(p->gateway, alen, gw);
	if (o->json) {
		json_string(&o->j, prefix_key, buf);
		if (p->has_gateway)
			json_string(&o->j, gateway_key, gw);
		return;
	}
	fprintf(o->fp, " prefix %s", buf);
	if (p->has_gateway)
		fprintf(o->fp, " gateway %s", gw);
}

/*
 * "subnet 5001 rdid 1 encap vxlan prefix 10.1.1.0/24 gateway 10.1.1.1
 * prefix fd00:1::/64 gateway fd00:1::1 switch hnv0", the prefixes only if
 * it has them, IPv4 first.
 */
void out_subnet(struct out *o, const struct hnv_subnet *subnet)
{
	char buf[ENCAP_NAMSIZ];
	const char *encap = encap_name(subnet->encap, buf, sizeof(buf));

	next_line(o);
	if (o->json) {
		json_u64(&o->j, "vsid", subnet->vsid);
		json_u64(&o->j, "rdid", subnet->rdid);
		json_string(&o->j, "encap", encap);
		print_prefix(o, &subnet->prefix4, 4, "prefix", "gateway");
		print_prefix(o, &subnet->prefix6, 16, "prefix6", "gateway6");
		json_string(&o->j, "switch", subnet->switch_ifname);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "subnet %" PRIu32 " rdid %" PRIu32 " encap %s",
		subnet->vsid, subnet->rdid, encap);
	print_prefix(o, &subnet->prefix4, 4, "prefix", "gateway");
	print_prefix(o, &subnet->prefix6, 16, "prefix6", "gateway6");
	fprintf(o->fp, " switch %s\n", subnet->switch_ifname);
}

/*
 * A virtual network: the subnets v[0 .. n - 1], of one switch and one
 * RDID, in the order given (by VSID): "vnet rdid 1 switch hnv0 subnets
 * 5001 5002".
 */
void out_vnet(struct out *o, const struct hnv_subnet *v, size_t n)
{
	size_t i;

	next_line(o);
	if (o->json) {
		json_u64(&o->j, "rdid", v[0].rdid);
		json_string(&o->j, "switch", v[0].switch_ifname);
		json_array_begin(&o->j, "subnets");
		for (i = 0; i < n; i++)
			json_u64(&o->j, NULL, v[i].vsid);
		json_array_end(&o->j);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "vnet rdid %" PRIu32 " switch %s subnets", v[0].rdid,
		v[0].switch_ifname);
	for (i = 0; i < n; i++)
		fprintf(o->fp, " %" PRIu32, v[i].vsid);
	fputc('\n', o->fp);
}

/* The name of a device of a flow or an event, "ifN" if it has none. */
static const char *flow_dev(struct out *o, uint32_t ifindex,
			    char buf[IFNAMSIZ])
{
	if (ifindex && o->ifname(ifindex, buf))
		return buf;
	snprintf(buf, IFNAMSIZ, "if%" PRIu32, ifindex);
	return buf;
}

/* "10.0.0.1", "10.0.0.1:80", "2001:db8::1", "[2001:db8::1]:80" */
static void print_endpoint(FILE *fp, const uint8_t *addr, uint8_t len,
			   bool ports, uint16_t port)
{
	char buf[INET6_ADDRSTRLEN];

	ip_name(addr, len, buf);
	if (!ports)
		fputs(buf, fp);
	else if (len == 4)
		fprintf(fp, "%s:%" PRIu16, buf, port);
	else
		fprintf(fp, "[%s]:%" PRIu16, buf, port);
}

/* "encap vxlan vni 5001 192.168.1.10 > 192.168.2.20" */
static void print_encap(FILE *fp, const struct hnv_encap_action *e)
{
	char type[ENCAP_NAMSIZ], src[INET_ADDRSTRLEN], dst[INET_ADDRSTRLEN];

	fprintf(fp, "encap %s vni %" PRIu32 " %s > %s",
		encap_name(e->type, type, sizeof(type)), e->vni,
		in4_name(e->src, src), in4_name(e->dst, dst));
}

static void json_encap(struct json *j, const struct hnv_encap_action *e)
{
	char buf[INET_ADDRSTRLEN], type[ENCAP_NAMSIZ];

	json_object_begin(j, "encap");
	json_string(j, "type", encap_name(e->type, type, sizeof(type)));
	json_u64(j, "vni", e->vni);
	json_string(j, "src", in4_name(e->src, buf));
	json_string(j, "dst", in4_name(e->dst, buf));
	json_object_end(j);
}

/* {"icmp":{"type":3,"code":1}}, of an ICMP action's type << 8 | code */
static void json_icmp(struct json *j, uint32_t arg)
{
	json_object_begin(j, "icmp");
	json_u64(j, "type", arg >> 8);
	json_u64(j, "code", arg & 0xff);
	json_object_end(j);
}

/*
 * Whose ACL: "dev vm1" (a port without a name as "dev ifN") or "vsid
 * 5001"; nothing if the kernel named neither.  Returns whether it printed
 * anything.
 */
static bool print_acl_owner(struct out *o, const struct hnv_acl_ref *r)
{
	char name[IFNAMSIZ];

	if (r->has & HNV_ACL_PORT)
		fprintf(o->fp, "dev %s", flow_dev(o, r->port_ifindex, name));
	else if (r->has & HNV_ACL_VSID)
		fprintf(o->fp, "vsid %" PRIu32, r->vsid);
	else
		return false;
	return true;
}

/*
 * An ACL rule: "dev vm1 out prio 100 allow stateful", "vsid 5001 in
 * default deny", the parts the kernel sent (an allow action names no
 * action).
 */
static void print_acl_ref(struct out *o, const struct hnv_acl_ref *r)
{
	char buf[ACL_ACTION_NAMSIZ];
	const char *sep = print_acl_owner(o, r) ? " " : "";

	if (r->has & HNV_ACL_DIR) {
		fprintf(o->fp, "%s%s", sep, acl_dir_name(r->dir, buf,
							 sizeof(buf)));
		sep = " ";
	}
	if (r->has & HNV_ACL_PRIORITY) {
		fprintf(o->fp, "%sprio %" PRIu32, sep, r->priority);
		sep = " ";
	}
	if (r->has & HNV_ACL_DEFAULT) {
		fprintf(o->fp, "%sdefault", sep);
		sep = " ";
	}
	if (r->has & HNV_ACL_ACTION) {
		fprintf(o->fp, "%s%s", sep, acl_action_name(r->action, buf,
							    sizeof(buf)));
		sep = " ";
	}
	if (r->has & HNV_ACL_STATEFUL)
		fprintf(o->fp, "%sstateful", sep);
}

/*
 * The JSON keys of an ACL rule: "dev" (a port without a name as "ifN") or
 * "vsid", "dir", "prio" or "default":true, "action"
 * and "stateful" (a boolean, with "action"), and "conn" (the state of the
 * connection whose return traffic passed); those the kernel sent.
 */
static void json_acl_ref(struct out *o, const struct hnv_acl_ref *r)
{
	/* the longest of the names of a direction, action and state */
	char name[IFNAMSIZ], buf[ACL_ACTION_NAMSIZ];

	if (r->has & HNV_ACL_PORT)
		json_string(&o->j, "dev", flow_dev(o, r->port_ifindex, name));
	else if (r->has & HNV_ACL_VSID)
		json_u64(&o->j, "vsid", r->vsid);
	if (r->has & HNV_ACL_DIR)
		json_string(&o->j, "dir",
			    acl_dir_name(r->dir, buf, sizeof(buf)));
	if (r->has & HNV_ACL_PRIORITY)
		json_u64(&o->j, "prio", r->priority);
	if (r->has & HNV_ACL_DEFAULT)
		json_bool(&o->j, "default", true);
	if (r->has & HNV_ACL_ACTION) {
		json_string(&o->j, "action",
			    acl_action_name(r->action, buf, sizeof(buf)));
		json_bool(&o->j, "stateful", r->has & HNV_ACL_STATEFUL);
	}
	if (r->has & HNV_ACL_CONN)
		json_string(&o->j, "conn",
			    conn_state_name(r->conn, buf, sizeof(buf)));
}

/*
 * One action of a flow: "output v2", "drop no-dest" (with paren "drop
 * (no-dest)", as a trace's result), "acl dev vm1 out prio 100", "acl
 * conn", ...
 */
static void print_action(struct out *o, const struct hnv_action *a,
			 bool paren)
{
	char name[IFNAMSIZ], buf[DROP_REASON_NAMSIZ], mac[MAC_NAMSIZ];

	if (a->type == HNV_ACTION_A_ENCAP) {
		print_encap(o->fp, &a->encap);
	} else if (a->type == HNV_ACTION_A_DROP) {
		fprintf(o->fp, paren ? "drop (%s)" : "drop %s",
			drop_reason_name(a->arg, buf, sizeof(buf)));
	} else if (a->type == HNV_ACTION_A_REPLY) {
		fprintf(o->fp, "reply %s", mac_name(a->mac, mac));
	} else if (a->type == HNV_ACTION_A_ROUTE) {
		fprintf(o->fp, "route %s", mac_name(a->mac, mac));
	} else if (a->type == HNV_ACTION_A_ICMP) {
		fprintf(o->fp, "icmp %" PRIu32 "/%" PRIu32, a->arg >> 8,
			a->arg & 0xff);
	} else if (a->type == HNV_ACTION_A_ECHO) {
		fputs("echo", o->fp);
	} else if (a->type == HNV_ACTION_A_ACL) {
		fputs("acl ", o->fp);
		if (a->acl.has & HNV_ACL_CONN)
			fputs("conn", o->fp);
		else
			print_acl_ref(o, &a->acl);
	} else if (o->ifname(a->arg, name)) {
		fprintf(o->fp, "output %s", name);
	} else {
		fprintf(o->fp, "output ifindex %" PRIu32, a->arg);
	}
}

/* The actions of flow, separated by ", "; "none" if it has none. */
static void print_action_list(struct out *o, const struct hnv_flow *flow,
			      bool paren)
{
	size_t i;

	if (!flow->nactions)
		fputs("none", o->fp);
	for (i = 0; i < flow->nactions; i++) {
		if (i)
			fputs(", ", o->fp);
		print_action(o, &flow->actions[i], paren);
	}
}

static void print_actions(struct out *o, const struct hnv_flow *flow)
{
	fputs(" actions ", o->fp);
	print_action_list(o, flow, false);
}

/* {"acl":{...}}: the rule that allowed the packet, or {"conn":STATE} */
static void json_acl_action(struct out *o, const struct hnv_acl_ref *r)
{
	json_object_begin(&o->j, "acl");
	json_acl_ref(o, r);
	json_object_end(&o->j);
}

static void json_actions(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], buf[DROP_REASON_NAMSIZ], mac[MAC_NAMSIZ];
	const struct hnv_action *a;
	size_t i;

	json_array_begin(&o->j, "actions");
	for (i = 0; i < flow->nactions; i++) {
		a = &flow->actions[i];
		json_object_begin(&o->j, NULL);
		if (a->type == HNV_ACTION_A_ENCAP)
			json_encap(&o->j, &a->encap);
		else if (a->type == HNV_ACTION_A_DROP)
			json_string(&o->j, "drop",
				    drop_reason_name(a->arg, buf, sizeof(buf)));
		else if (a->type == HNV_ACTION_A_REPLY)
			json_string(&o->j, "reply", mac_name(a->mac, mac));
		else if (a->type == HNV_ACTION_A_ROUTE)
			json_string(&o->j, "route", mac_name(a->mac, mac));
		else if (a->type == HNV_ACTION_A_ICMP)
			json_icmp(&o->j, a->arg);
		else if (a->type == HNV_ACTION_A_ECHO)
			json_bool(&o->j, "echo", true);
		else if (a->type == HNV_ACTION_A_ACL)
			json_acl_action(o, &a->acl);
		else if (o->ifname(a->arg, name))
			json_string(&o->j, "output", name);
		else
			json_u64(&o->j, "output_ifindex", a->arg);
		json_object_end(&o->j);
	}
	json_array_end(&o->j);
}

/* The keys of a flow, in the object open. */
static void json_flow_keys(struct out *o, const struct hnv_flow *flow)
{
	char sw[IFNAMSIZ], port[IFNAMSIZ], mac[MAC_NAMSIZ];
	char ip[INET6_ADDRSTRLEN];

	json_string(&o->j, "switch", flow_dev(o, flow->switch_ifindex, sw));
	if (flow->has & HNV_FLOW_UPLINK) {
		json_string(&o->j, "port", "uplink");
		json_u64(&o->j, "vsid", flow->vsid);
		json_string(&o->j, "tun_src", in4_name(flow->tun_src, ip));
	} else {
		json_string(&o->j, "port", flow_dev(o, flow->port_ifindex,
						    port));
	}
	json_string(&o->j, "eth_src", mac_name(flow->eth_src, mac));
	json_string(&o->j, "eth_dst", mac_name(flow->eth_dst, mac));
	json_u64(&o->j, "eth_type", flow->eth_type);
	if (flow->has & HNV_FLOW_IP_PROTO)
		json_u64(&o->j, "ip_proto", flow->ip_proto);
	if (flow->ip_src_len)
		json_string(&o->j, "ip_src",
			    ip_name(flow->ip_src, flow->ip_src_len, ip));
	if (flow->ip_dst_len)
		json_string(&o->j, "ip_dst",
			    ip_name(flow->ip_dst, flow->ip_dst_len, ip));
	if (flow->has & HNV_FLOW_L4_SRC)
		json_u64(&o->j, "l4_src", flow->l4_src);
	if (flow->has & HNV_FLOW_L4_DST)
		json_u64(&o->j, "l4_dst", flow->l4_dst);
	json_u64(&o->j, "packets", flow->packets);
	json_u64(&o->j, "bytes", flow->bytes);
	json_u64(&o->j, "idle_ms", flow->idle_ms);
	json_actions(o, flow);
}

static void json_flow(struct out *o, const struct hnv_flow *flow)
{
	json_flow_keys(o, flow);
	json_object_end(&o->j);
}

/*
 * Where a flow enters: "port v1", or for a flow of the uplink "uplink vsid
 * 5001 from 192.168.2.20", the VSID and outer source it arrived with.
 */
static void print_flow_port(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], pa[INET_ADDRSTRLEN];

	if (flow->has & HNV_FLOW_UPLINK)
		fprintf(o->fp, "uplink vsid %" PRIu32 " from %s", flow->vsid,
			in4_name(flow->tun_src, pa));
	else
		fprintf(o->fp, "port %s",
			flow_dev(o, flow->port_ifindex, name));
}

/*
 * One line: where the flow enters, its key, its counters and its actions.
 * Ports follow the addresses of TCP and UDP flows.
 */
void out_flow(struct out *o, const struct hnv_flow *flow)
{
	char sw[IFNAMSIZ], src[MAC_NAMSIZ], dst[MAC_NAMSIZ];
	char type[ETH_TYPE_NAMSIZ], proto[IP_PROTO_NAMSIZ];
	bool has_proto = flow->has & HNV_FLOW_IP_PROTO;
	bool ports = has_proto &&
		(flow->ip_proto == IPPROTO_TCP ||
		 flow->ip_proto == IPPROTO_UDP) &&
		(flow->has & HNV_FLOW_L4_SRC) && (flow->has & HNV_FLOW_L4_DST);

	next_line(o);
	if (o->json) {
		json_flow(o, flow);
		return;
	}
	fprintf(o->fp, "%s ", flow_dev(o, flow->switch_ifindex, sw));
	print_flow_port(o, flow);
	fprintf(o->fp, ": %s > %s %s", mac_name(flow->eth_src, src),
		mac_name(flow->eth_dst, dst),
		eth_type_name(flow->eth_type, type, sizeof(type)));
	if (flow->ip_src_len && flow->ip_dst_len) {
		fputc(' ', o->fp);
		print_endpoint(o->fp, flow->ip_src, flow->ip_src_len, ports,
			       flow->l4_src);
		fputs(" > ", o->fp);
		print_endpoint(o->fp, flow->ip_dst, flow->ip_dst_len, ports,
			       flow->l4_dst);
	}
	if (has_proto)
		fprintf(o->fp, " %s",
			ip_proto_name(flow->ip_proto, proto, sizeof(proto)));
	fprintf(o->fp, " packets %" PRIu64 " bytes %" PRIu64 " idle %" PRIu32
		"ms", flow->packets, flow->bytes, flow->idle_ms);
	print_actions(o, flow);
	fputc('\n', o->fp);
}

/*
 * "map vsid 5001 mac 02:00:00:00:00:02 ca 10.1.1.12 pa 192.168.2.20
 * switch hnv0", without "ca" if the mapping has none.
 */
void out_map(struct out *o, const struct hnv_map *map,
	     const char *switch_name)
{
	char mac[MAC_NAMSIZ], ca[INET6_ADDRSTRLEN], pa[INET_ADDRSTRLEN];

	mac_name(map->mac, mac);
	in4_name(map->pa, pa);
	if (map->ca_len)
		ip_name(map->ca, map->ca_len, ca);
	next_line(o);
	if (o->json) {
		json_string(&o->j, "switch", switch_name);
		json_u64(&o->j, "vsid", map->vsid);
		json_string(&o->j, "mac", mac);
		if (map->ca_len)
			json_string(&o->j, "ca", ca);
		json_string(&o->j, "pa", pa);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "map vsid %" PRIu32 " mac %s", map->vsid, mac);
	if (map->ca_len)
		fprintf(o->fp, " ca %s", ca);
	fprintf(o->fp, " pa %s switch %s\n", pa, switch_name);
}

/*
 * "route rdid 1 prefix 10.9.0.0/16 via 10.1.2.50 switch hnv0"; in JSON
 * {"rdid":1,"prefix":"10.9.0.0/16","via":"10.1.2.50","switch":"hnv0"}.
 */
void out_route(struct out *o, const struct hnv_route *route,
	       const char *switch_name)
{
	struct hnv_prefix p = { .has = true, .len = route->len };
	char prefix[INET6_ADDRSTRLEN + 4], via[INET6_ADDRSTRLEN];

	memcpy(p.addr, route->addr, route->alen);
	prefix_name(&p, route->alen, prefix);
	ip_name(route->via, route->alen, via);
	next_line(o);
	if (o->json) {
		json_u64(&o->j, "rdid", route->rdid);
		json_string(&o->j, "prefix", prefix);
		json_string(&o->j, "via", via);
		json_string(&o->j, "switch", switch_name);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "route rdid %" PRIu32 " prefix %s via %s switch %s\n",
		route->rdid, prefix, via, switch_name);
}

/* "80", "80-90": a port range, MAX defaulting to MIN, MIN to 0. */
static const char *port_range(bool has_min, uint16_t min, bool has_max,
			      uint16_t max, char buf[12])
{
	if (!has_min)
		min = 0;
	if (!has_max)
		max = min;
	if (min == max)
		snprintf(buf, 12, "%" PRIu16, min);
	else
		snprintf(buf, 12, "%" PRIu16 "-%" PRIu16, min, max);
	return buf;
}

/* "10.0.0.0/24", "fd00::/64": an ACL's prefix. */
static const char *acl_prefix_name(const struct hnv_acl_prefix *p,
				   char buf[INET6_ADDRSTRLEN + 4])
{
	char addr[INET6_ADDRSTRLEN];

	snprintf(buf, INET6_ADDRSTRLEN + 4, "%s/%u",
		 ip_name(p->addr, p->alen, addr), p->len);
	return buf;
}

/*
 * An ACL rule or default on one line: "hnv0 dev vm1 out prio 100 allow
 * stateful proto tcp src 10.0.0.0/24 dport 80-90 hits 12", "hnv0 vsid
 * 5001 in default deny hits 3", the match fields only if set.  In JSON
 * {"switch":"hnv0","dev":"vm1","dir":"out","prio":100,"action":"allow",
 * "stateful":true,"proto":"tcp","src":"10.0.0.0/24","dport":"80-90",
 * "hits":12}, a default with "default":true instead of "prio", a VSID's
 * rule with "vsid" instead of "dev".
 */
void out_acl(struct out *o, const struct hnv_acl *acl)
{
	char sw[IFNAMSIZ], buf[IP_PROTO_NAMSIZ], src[INET6_ADDRSTRLEN + 4];
	char dst[INET6_ADDRSTRLEN + 4], sport[12], dport[12];
	bool has_sport = acl->has & (HNV_ACL_SPORT_MIN | HNV_ACL_SPORT_MAX);
	bool has_dport = acl->has & (HNV_ACL_DPORT_MIN | HNV_ACL_DPORT_MAX);
	const char *proto = ip_proto_name(acl->proto, buf, sizeof(buf));

	flow_dev(o, acl->switch_ifindex, sw);
	if (acl->src.alen)
		acl_prefix_name(&acl->src, src);
	if (acl->dst.alen)
		acl_prefix_name(&acl->dst, dst);
	port_range(acl->has & HNV_ACL_SPORT_MIN, acl->sport_min,
		   acl->has & HNV_ACL_SPORT_MAX, acl->sport_max, sport);
	port_range(acl->has & HNV_ACL_DPORT_MIN, acl->dport_min,
		   acl->has & HNV_ACL_DPORT_MAX, acl->dport_max, dport);
	next_line(o);
	if (o->json) {
		json_string(&o->j, "switch", sw);
		json_acl_ref(o, &acl->ref);
		if (acl->has & HNV_ACL_PROTO)
			json_string(&o->j, "proto", proto);
		if (acl->src.alen)
			json_string(&o->j, "src", src);
		if (acl->dst.alen)
			json_string(&o->j, "dst", dst);
		if (has_sport)
			json_string(&o->j, "sport", sport);
		if (has_dport)
			json_string(&o->j, "dport", dport);
		if (acl->has & HNV_ACL_HITS)
			json_u64(&o->j, "hits", acl->hits);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s ", sw);
	print_acl_ref(o, &acl->ref);
	if (acl->has & HNV_ACL_PROTO)
		fprintf(o->fp, " proto %s", proto);
	if (acl->src.alen)
		fprintf(o->fp, " src %s", src);
	if (acl->dst.alen)
		fprintf(o->fp, " dst %s", dst);
	if (has_sport)
		fprintf(o->fp, " sport %s", sport);
	if (has_dport)
		fprintf(o->fp, " dport %s", dport);
	if (acl->has & HNV_ACL_HITS)
		fprintf(o->fp, " hits %" PRIu64, acl->hits);
	fputc('\n', o->fp);
}

/* Does a connection or packet of protocol proto show its ports? */
static bool has_ports(uint8_t proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP;
}

/*
 * A tracked connection on one line: "hnv0 rdid 1 tcp 10.0.0.1:40000 ->
 * 10.0.0.2:22 established expires 3599s" (the seconds left, rounded
 * down); without ports for protocols other than TCP and UDP whose ports
 * are 0 (ICMP: "icmp 10.0.0.1 -> 10.0.0.2"); IPv6 addresses with ports as
 * [addr]:port.  In JSON {"switch":"hnv0","rdid":1,"proto":"tcp",
 * "src":"10.0.0.1","dst":"10.0.0.2","sport":40000,"dport":22,
 * "state":"established","expires_ms":3599000}.
 */
void out_conn(struct out *o, const struct hnv_conn *conn)
{
	char sw[IFNAMSIZ], buf[IP_PROTO_NAMSIZ], ip[INET6_ADDRSTRLEN];
	char sbuf[CONN_STATE_NAMSIZ];
	bool ports = has_ports(conn->proto) || conn->sport || conn->dport;
	const char *proto = ip_proto_name(conn->proto, buf, sizeof(buf));
	const char *state = conn_state_name(conn->state, sbuf, sizeof(sbuf));

	flow_dev(o, conn->switch_ifindex, sw);
	next_line(o);
	if (o->json) {
		json_string(&o->j, "switch", sw);
		json_u64(&o->j, "rdid", conn->rdid);
		json_string(&o->j, "proto", proto);
		json_string(&o->j, "src", ip_name(conn->src, conn->alen, ip));
		json_string(&o->j, "dst", ip_name(conn->dst, conn->alen, ip));
		json_u64(&o->j, "sport", conn->sport);
		json_u64(&o->j, "dport", conn->dport);
		json_string(&o->j, "state", state);
		json_u64(&o->j, "expires_ms", conn->expires_ms);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s rdid %" PRIu32 " %s ", sw, conn->rdid, proto);
	print_endpoint(o->fp, conn->src, conn->alen, ports, conn->sport);
	fputs(" -> ", o->fp);
	print_endpoint(o->fp, conn->dst, conn->alen, ports, conn->dport);
	fprintf(o->fp, " %s expires %" PRIu32 "s\n", state,
		conn->expires_ms / 1000);
}

/* "a new", "an established": the article a state's name takes */
static const char *conn_state_article(uint8_t state)
{
	return state == HNV_CONN_ESTABLISHED ? "an" : "a";
}

/*
 * What an ACL step of a trace says: the rule that decided, "dev vm1 out
 * prio 100 allow stateful"; or "dev vm1 in: return traffic of an
 * established connection".
 */
static void print_step_acl(struct out *o, const struct hnv_acl_ref *r)
{
	char state[CONN_STATE_NAMSIZ];
	struct hnv_acl_ref who = *r;

	if (!(r->has & HNV_ACL_CONN)) {
		print_acl_ref(o, r);
		return;
	}
	who.has &= HNV_ACL_PORT | HNV_ACL_VSID | HNV_ACL_DIR;
	if (who.has) {
		print_acl_ref(o, &who);
		fputs(": ", o->fp);
	}
	fprintf(o->fp, "return traffic of %s %s connection",
		conn_state_article(r->conn),
		conn_state_name(r->conn, state, sizeof(state)));
}

/*
 * The packet a trace describes: "tcp 10.0.0.1:40000 -> 10.0.0.2:22",
 * "icmp 10.0.0.1 -> 10.0.0.2 type 8 code 0", then its MACs: ",
 * 02:00:00:00:00:01 -> 02:00:00:00:00:02".
 */
static void print_packet(struct out *o, const struct hnv_flow *f)
{
	char proto[IP_PROTO_NAMSIZ], type[ETH_TYPE_NAMSIZ];
	char src[MAC_NAMSIZ], dst[MAC_NAMSIZ];
	bool ip = (f->has & HNV_FLOW_IP_PROTO) && f->ip_src_len &&
		  f->ip_dst_len;
	bool ports = ip && has_ports(f->ip_proto) &&
		     (f->has & HNV_FLOW_L4_SRC) && (f->has & HNV_FLOW_L4_DST);
	bool icmp = ip && (f->ip_proto == IPPROTO_ICMP ||
			   f->ip_proto == IPPROTO_ICMPV6);

	if (!ip) {
		fputs(eth_type_name(f->eth_type, type, sizeof(type)), o->fp);
	} else {
		fprintf(o->fp, "%s ",
			ip_proto_name(f->ip_proto, proto, sizeof(proto)));
		print_endpoint(o->fp, f->ip_src, f->ip_src_len, ports,
			       f->l4_src);
		fputs(" -> ", o->fp);
		print_endpoint(o->fp, f->ip_dst, f->ip_dst_len, ports,
			       f->l4_dst);
	}
	if (icmp && (f->has & HNV_FLOW_L4_SRC))
		fprintf(o->fp, " type %" PRIu16, f->l4_src);
	if (icmp && (f->has & HNV_FLOW_L4_DST))
		fprintf(o->fp, " code %" PRIu16, f->l4_dst);
	fprintf(o->fp, ", %s -> %s", mac_name(f->eth_src, src),
		mac_name(f->eth_dst, dst));
}

static void json_trace(struct out *o, const struct hnv_trace *t)
{
	char sw[IFNAMSIZ], port[IFNAMSIZ];
	const struct hnv_trace_step *step;
	size_t i;

	json_string(&o->j, "switch", flow_dev(o, t->flow.switch_ifindex, sw));
	json_string(&o->j, "dev", flow_dev(o, t->flow.port_ifindex, port));
	json_object_begin(&o->j, "flow");
	json_flow_keys(o, &t->flow);
	json_object_end(&o->j);
	json_array_begin(&o->j, "steps");
	for (i = 0; i < t->nsteps; i++) {
		step = &t->steps[i];
		json_object_begin(&o->j, NULL);
		json_string(&o->j, "layer", step->layer);
		if (step->has_acl) {
			json_object_begin(&o->j, "acl");
			json_acl_ref(o, &step->acl);
			json_object_end(&o->j);
		}
		if (step->actions.nactions)
			json_actions(o, &step->actions);
		json_object_end(&o->j);
	}
	json_array_end(&o->j);
	json_actions(o, &t->flow);
	json_object_end(&o->j);
}

/*
 * A trace: the packet as the switch composed it, a line per step (its
 * layer, then the ACL rule that decided there and the actions it
 * composed, "pass" if neither), and the result, the actions of the flow
 * (a drop as "drop (REASON)"):
 *
 *   trace vm1: tcp 10.0.0.1:40000 -> 10.0.0.2:22, 02:00:00:00:00:01 ->
 *       02:00:00:00:00:02
 *     port     pass
 *     acl-out  dev vm1 out default allow
 *     vnet     output vm2
 *     acl-in   dev vm2 in prio 10 deny
 *   result: drop (acl)
 *
 * (the first line on one line).  A packet of the uplink is "trace hnv0
 * uplink vsid 5001 from 192.168.2.20: ...".  In JSON {"switch":"hnv0",
 * "dev":"vm1","flow":{FLOW},"steps":[{"layer":"port"},{"layer":"acl-out",
 * "acl":{ACL}},{"layer":"vnet","actions":[ACTIONS]},...],
 * "actions":[ACTIONS]}, FLOW as in "flow show", ACL as in "acl show"
 * without the match, a step's "acl" and "actions" only if it has them.
 */
void out_trace(struct out *o, const struct hnv_trace *t)
{
	char name[IFNAMSIZ], pa[INET_ADDRSTRLEN];
	const struct hnv_trace_step *step;
	int w = 8, len;
	size_t i;

	next_line(o);
	if (o->json) {
		json_trace(o, t);
		return;
	}
	fprintf(o->fp, "trace %s", flow_dev(o, t->flow.port_ifindex, name));
	if (t->flow.has & HNV_FLOW_UPLINK)
		fprintf(o->fp, " uplink vsid %" PRIu32 " from %s",
			t->flow.vsid, in4_name(t->flow.tun_src, pa));
	fputs(": ", o->fp);
	print_packet(o, &t->flow);
	fputc('\n', o->fp);
	for (i = 0; i < t->nsteps; i++) {
		len = strlen(t->steps[i].layer);
		w = max_width(w, len);
	}
	for (i = 0; i < t->nsteps; i++) {
		step = &t->steps[i];
		fprintf(o->fp, "  %-*s ", w, step->layer);
		if (step->has_acl)
			print_step_acl(o, &step->acl);
		if (step->has_acl && step->actions.nactions)
			fputs("; ", o->fp);
		if (step->actions.nactions)
			print_action_list(o, &step->actions, false);
		if (!step->has_acl && !step->actions.nactions)
			fputs("pass", o->fp);
		fputc('\n', o->fp);
	}
	fputs("result: ", o->fp);
	print_action_list(o, &t->flow, true);
	fputc('\n', o->fp);
}

/*
 * An event, on one line: "neigh-miss switch hnv0 port v1 vsid 5001 addr
 * 10.1.1.99", a device without a name as "ifN"; in JSON
 * {"event":"neigh-miss","switch":"hnv0","port":"v1","vsid":5001,
 * "addr":"10.1.1.99"}.  Nothing for an event this hnvctl does not know.
 */
void out_event(struct out *o, const struct hnv_event *ev)
{
	char sw[IFNAMSIZ], port[IFNAMSIZ], addr[INET6_ADDRSTRLEN];
	const char *name = event_name(ev->cmd);

	if (ev->cmd != HNV_CMD_NEIGH_MISS || !name)
		return;
	flow_dev(o, ev->switch_ifindex, sw);
	flow_dev(o, ev->port_ifindex, port);
	ip_name(ev->addr, ev->addr_len, addr);
	next_line(o);
	if (o->json) {
		json_string(&o->j, "event", name);
		json_string(&o->j, "switch", sw);
		json_string(&o->j, "port", port);
		json_u64(&o->j, "vsid", ev->vsid);
		json_string(&o->j, "addr", addr);
		json_object_end(&o->j);
		return;
	}
	fprintf(o->fp, "%s switch %s port %s vsid %" PRIu32 " addr %s\n", name,
		sw, port, ev->vsid, addr);
}
