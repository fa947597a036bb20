// SPDX-License-Identifier: GPL-2.0
/*
 * Copyright (C) 2026 The hnv authors.
 *
 * Printing the model, for people or as JSON.
 *
 *   switch hnv0 ifindex 7 ports 2
 *       flows 12 (max 262144, per port 16384, idle 30000ms)
 *       pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 strict off
 *           nvgre-flowid on router-mac 02:48:4e:56:00:01
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
 * port and mappings, on one line; "pa none" if it has no PA; "strict",
 * "nvgre-flowid" and "router-mac" only if it reports them).  JSON:
 * [{"ifname":"hnv0","ifindex":7,"ports":2,"flows":12,"uft_max":262144,
 * "uft_port_max":16384,"uft_idle_ms":30000,"pas":["192.168.1.10",
 * "192.168.1.11"],"vxlan_port":4789,"maps":2,"strict":false,
 * "nvgre_flowid":true,"router_mac":"02:48:4e:56:00:01","stats":{
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
 * "pa 192.168.1.10 192.168.1.11 vxlan-port 4789 maps 2 strict off
 * nvgre-flowid on router-mac 02:48:4e:56:00:01", without "strict",
 * "nvgre-flowid" or "router-mac" if the kernel did not report it.
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
	if (sw->has_strict)
		json_bool(j, "strict", sw->strict);
	if (sw->has_nvgre_flowid)
		json_bool(j, "nvgre_flowid", sw->nvgre_flowid);
	if (sw->has_router_mac)
		json_string(j, "router_mac", mac_name(sw->router_mac, mac));
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

static void print_actions(struct out *o, const struct hnv_flow *flow)
{
	char name[IFNAMSIZ], buf[DROP_REASON_NAMSIZ], mac[MAC_NAMSIZ];
	const struct hnv_action *a;
	size_t i;

	fputs(" actions ", o->fp);
	if (!flow->nactions)
		fputs("none", o->fp);
	for (i = 0; i < flow->nactions; i++) {
		a = &flow->actions[i];
		if (i)
			fputs(", ", o->fp);
		if (a->type == HNV_ACTION_A_ENCAP)
			print_encap(o->fp, &a->encap);
		else if (a->type == HNV_ACTION_A_DROP)
			fprintf(o->fp, "drop %s",
				drop_reason_name(a->arg, buf, sizeof(buf)));
		else if (a->type == HNV_ACTION_A_REPLY)
			fprintf(o->fp, "reply %s", mac_name(a->mac, mac));
		else if (a->type == HNV_ACTION_A_ROUTE)
			fprintf(o->fp, "route %s", mac_name(a->mac, mac));
		else if (a->type == HNV_ACTION_A_ICMP)
			fprintf(o->fp, "icmp %" PRIu32 "/%" PRIu32,
				a->arg >> 8, a->arg & 0xff);
		else if (a->type == HNV_ACTION_A_ECHO)
			fputs("echo", o->fp);
		else if (o->ifname(a->arg, name))
			fprintf(o->fp, "output %s", name);
		else
			fprintf(o->fp, "output ifindex %" PRIu32, a->arg);
	}
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
		else if (o->ifname(a->arg, name))
			json_string(&o->j, "output", name);
		else
			json_u64(&o->j, "output_ifindex", a->arg);
		json_object_end(&o->j);
	}
	json_array_end(&o->j);
}

static void json_flow(struct out *o, const struct hnv_flow *flow)
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
