# SPDX-License-Identifier: GPL-2.0
"""A model of the state for random sequences of valid requests: the
records the kernel must read back (as State.snapshot() reads them, as
dicts), and random create/delete/modify/get requests on hnv0 with the
answer each must get and what a success changes."""

import errno as E
import functools
import ipaddress

from .attrs import A, ip, ipstr, list_nest, mac, prefix_nest
from .state import KINDS, acl_key_nest, decode, freeze
from .templates import IDX
from .uapi import U


@functools.lru_cache(maxsize=None)
def norm(a):
    return ipstr(ip(a))


@functools.lru_cache(maxsize=None)
def ipnet(p):
    return ipaddress.ip_network("%s/%d" % (p[0], p[1]))


@functools.lru_cache(maxsize=None)
def nth(p, k):
    """The address @k after prefix @p's own."""
    return norm(str(ipnet(p).network_address + k))


@functools.lru_cache(maxsize=None)
def ca_ok(p, ca):
    """Why customer address @ca may not be in prefix record @p (addr, len,
    gateway), None if it may."""
    if not p:
        return "no prefix of the family"
    n = ipnet(p)
    a = ipaddress.ip_address(ca)
    if a not in n:
        return "outside"
    if ca == p[2]:
        return "the gateway"
    if a == n.network_address or (a.version == 4 and
                                  a == n.broadcast_address):
        return "the prefix's own or broadcast address"
    return None


class Model:
    """The state nl_fuzz.py expects: records as State.snapshot() reads
    them, as dicts; and random valid requests with their predicted answer.
    Requests act on hnv0 only (hnv1 must stay as it is)."""

    VSIDS = (5001, 5002, 6001, 7001, 5003, 6002, 8001, 4096)
    RDIDS = (1, 2, 3)
    P4 = (("10.1.1.0", 24), ("10.1.2.0", 24), ("10.1.3.0", 24),
          ("10.1.0.0", 16), ("10.1.1.128", 25), ("10.2.0.0", 24),
          ("172.16.0.0", 12))
    P6 = (("fd00:1::", 64), ("fd00:2::", 64), ("fd00::", 16),
          ("fd00:3::", 64))
    MACS = tuple("02:00:00:00:01:%02x" % i for i in range(1, 9))
    PAS = ("192.168.2.20", "192.168.2.21", "192.168.2.22", "192.168.3.1")
    ROUTES = (("10.9.0.0", 16), ("10.8.0.0", 16), ("0.0.0.0", 0),
              ("10.9.1.0", 24), ("fd00:9::", 64), ("::", 0))
    PRIOS = (1, 10, 100, 200, 65535)

    def __init__(self, snap, rng):
        self.reset(snap)
        self.rng = rng
        self.sw = IDX["hnv0"]
        self.ports = [IDX[p] for p in ("pa", "pb", "pc")]

    def reset(self, snap):
        """Start again from snapshot @snap (after a wrong prediction)."""
        self.m = {k: {key: dict(v) for key, v in snap[k].items()}
                  for k in KINDS}

    def frozen(self):
        return {k: {key: freeze(v) for key, v in self.m[k].items()}
                for k in KINDS}

    # -- helpers --

    def subnet(self, vsid):
        return self.m["subnet"].get((self.sw, vsid))

    def vsid(self):
        """Mostly a VSID that has a subnet."""
        have = [k[1] for k in self.m["subnet"] if k[0] == self.sw]
        if have and self.rng.random() < 0.75:
            return self.rng.choice(have)
        return self.rng.choice(self.VSIDS)

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def _cas_of(p4, p6):
        out = []
        for p in (p4, p6):
            if p:
                out += [nth(p, k) for k in (1, 2, 3, 4, 5)]
        return out or ["10.1.1.5", "fd00:1::5"]

    def cas_of(self, sn):
        """Candidate customer addresses in a subnet (some invalid)."""
        return self._cas_of(sn["p4"], sn["p6"]) if sn else \
            self._cas_of(None, None)

    def unicast_mac(self):
        return "02:00:00:%02x:%02x:%02x" % (self.rng.randrange(4), 0,
                                            self.rng.randrange(1, 16))

    def sel(self):
        """A switch selector for hnv0, by index or name."""
        if self.rng.random() < 0.5:
            return [A("HNV_A_SWITCH_IFINDEX", "u32", self.sw)]
        return [A("HNV_A_SWITCH_IFNAME", "str", "hnv0")]

    def psel(self, port):
        if self.rng.random() < 0.5:
            return [A("HNV_A_PORT_IFINDEX", "u32", port)]
        return [A("HNV_A_PORT_IFNAME", "str", self.m["port"][port]["name"])]

    def switch_rec(self):
        return self.m["switch"][self.sw]

    # -- random requests: (description, command, attributes, the errno
    #    expected (0: success), what a success changes, a check of the
    #    replies or None) --

    def op_subnet_new(self):
        r = self.rng
        free = [v for v in self.VSIDS if not self.subnet(v)]
        vsid = r.choice(free) if free and r.random() < 0.7 else self.vsid()
        rdid = r.choice(self.RDIDS)
        encap = r.choice((None, 1, 2))
        rec = {"rdid": rdid, "encap": encap or 1, "p4": None, "p6": None}
        at = self.sel() + [A("HNV_A_VSID", "u32", vsid),
                           A("HNV_A_RDID", "u32", rdid)]
        if encap:
            at.append(A("HNV_A_ENCAP", "u8", encap))
        for f, pool, name in (("p4", self.P4, "HNV_A_SUBNET_PREFIX4"),
                              ("p6", self.P6, "HNV_A_SUBNET_PREFIX6")):
            if r.random() < 0.7:
                a, ln = r.choice(pool)
                gw = nth((a, ln), r.choice((1, 1, 2, 7)))
                explicit = gw != nth((a, ln), 1) or r.random() < 0.3
                rec[f] = (norm(a), ln, gw)
                at.append(prefix_nest(name, a, ln, gw if explicit else None))
        err = 0
        if self.subnet(vsid):
            err = E.EEXIST
        for (sw, _), sn in self.m["subnet"].items():
            if sw != self.sw or sn["rdid"] != rdid:
                continue
            for f in ("p4", "p6"):
                if rec[f] and sn[f] and ipnet(rec[f]).overlaps(ipnet(sn[f])):
                    err = E.EEXIST

        def apply():
            self.m["subnet"][(self.sw, vsid)] = rec
        return ("subnet add %d %r" % (vsid, rec), "HNV_CMD_SUBNET_NEW", at,
                err, apply, None)

    def op_subnet_del(self):
        vsid = self.vsid()
        err = 0
        if not self.subnet(vsid):
            err = E.ENOENT
        elif any(k[0] == self.sw and k[1] == vsid for k in self.m["map"]) or \
                any(p["switch"] == self.sw and p["vsid"] == vsid
                    for p in self.m["port"].values()):
            err = E.EBUSY

        def apply():
            del self.m["subnet"][(self.sw, vsid)]
        return ("subnet del %d" % vsid, "HNV_CMD_SUBNET_DEL",
                self.sel() + [A("HNV_A_VSID", "u32", vsid)], err, apply,
                None)

    def op_port_set(self):
        r = self.rng
        port = r.choice(self.ports)
        at = self.psel(port)
        if r.random() < 0.2:
            at.append(A("HNV_A_VSID", "u32", 0))

            def unbind():
                self.m["port"][port].update(vsid=0, mac=None, cas=())
            return ("port %d unbind" % port, "HNV_CMD_PORT_SET", at, 0,
                    unbind, None)
        vsid = self.vsid()
        sn = self.subnet(vsid)
        m = self.unicast_mac()
        cand = self.cas_of(sn)
        cas = [r.choice(cand) for _ in range(r.choice((0, 1, 1, 2, 2, 3)))]
        at += [A("HNV_A_VSID", "u32", vsid),
               A("HNV_A_PORT_MAC", "bin", mac(m))]
        if cas:
            at.append(list_nest("HNV_A_PORT_CAS", cas))
        err = 0
        if not sn:
            err = E.ENOENT
        else:
            for i, ca in enumerate(cas):
                if ca_ok(sn["p6" if ":" in ca else "p4"], ca) or \
                        ca in cas[:i]:
                    err = E.EINVAL
                    break
                if any(q != port and p["vsid"] == vsid and ca in p["cas"]
                       for q, p in self.m["port"].items()
                       if p["switch"] == self.sw):
                    err = E.EEXIST
                    break

        def apply():
            self.m["port"][port].update(vsid=vsid, mac=m, cas=tuple(cas))
        return ("port %d bind %d %s %s" % (port, vsid, m, cas),
                "HNV_CMD_PORT_SET", at, err, apply, None)

    def op_map_new(self):
        r = self.rng
        vsid, m, pa = self.vsid(), r.choice(self.MACS), r.choice(self.PAS)
        ca = r.choice(self.cas_of(self.subnet(vsid))) \
            if r.random() < 0.7 else None
        replace = r.random() < 0.4
        at = self.sel() + [A("HNV_A_VSID", "u32", vsid),
                           A("HNV_A_MAP_MAC", "bin", mac(m)),
                           A("HNV_A_MAP_PA", "bin", ip(pa))]
        if ca:
            at.append(A("HNV_A_MAP_CA", "bin", ip(ca)))
        if replace:
            at.append(A("HNV_A_REPLACE", "flag", 0))
        key = (self.sw, vsid, m)
        old = self.m["map"].get(key)
        taken = ca and any(k[0] == self.sw and k[1] == vsid and k != key and
                           v["ca"] == ca for k, v in self.m["map"].items())
        err = 0
        if not self.subnet(vsid):
            err = E.ENOENT
        elif old and not replace:
            err = E.EEXIST
        elif taken and (not old or old["ca"] != ca):
            err = E.EEXIST

        def apply():
            if not old:
                self.switch_rec()["nmaps"] += 1
            self.m["map"][key] = {"pa": pa, "ca": ca}
        return ("map %s %r pa %s ca %s" % ("replace" if replace else "add",
                                           key, pa, ca),
                "HNV_CMD_MAP_NEW", at, err, apply, None)

    def existing(self, kind, order=None):
        """Mostly (70%) a key of @kind the model has; else None."""
        if self.m[kind] and self.rng.random() < 0.7:
            return self.rng.choice(sorted(self.m[kind], key=order))
        return None

    def op_map_del(self):
        key = self.existing("map") or \
            (self.sw, self.vsid(), self.rng.choice(self.MACS))

        def apply():
            del self.m["map"][key]
            self.switch_rec()["nmaps"] -= 1
        return ("map del %r" % (key,), "HNV_CMD_MAP_DEL",
                self.sel() + [A("HNV_A_VSID", "u32", key[1]),
                              A("HNV_A_MAP_MAC", "bin", mac(key[2]))],
                0 if key in self.m["map"] else E.ENOENT, apply, None)

    def op_route_new(self):
        r = self.rng
        rdid = r.choice(self.RDIDS)
        a, ln = r.choice(self.ROUTES)
        v6 = ":" in a
        subs = [sn for (sw, _), sn in self.m["subnet"].items()
                if sw == self.sw and sn["rdid"] == rdid]
        cand = [nth(sn["p6" if v6 else "p4"], k) for sn in subs
                for k in (1, 2, 3) if sn["p6" if v6 else "p4"]]
        via = r.choice(cand) if cand and r.random() < 0.85 else \
            ("fd00:77::1" if v6 else "10.77.0.1")
        replace = r.random() < 0.4
        at = self.sel() + [A("HNV_A_RDID", "u32", rdid),
                           prefix_nest("HNV_A_ROUTE_PREFIX", a, ln),
                           A("HNV_A_ROUTE_VIA", "bin", ip(via))]
        if replace:
            at.append(A("HNV_A_REPLACE", "flag", 0))
        key = (self.sw, rdid, norm(a), ln)
        ok = any(ca_ok(sn["p6" if v6 else "p4"], via) in
                 (None, "the prefix's own or broadcast address")
                 for sn in subs)
        err = E.EINVAL if not ok else \
            E.EEXIST if key in self.m["route"] and not replace else 0

        def apply():
            self.m["route"][key] = {"via": via}
        return ("route %s %r via %s" % ("replace" if replace else "add", key,
                                        via),
                "HNV_CMD_ROUTE_NEW", at, err, apply, None)

    def op_route_del(self):
        r = self.rng
        key = self.existing("route")
        if not key:
            a, ln = r.choice(self.ROUTES)
            key = (self.sw, r.choice(self.RDIDS), norm(a), ln)

        def apply():
            del self.m["route"][key]
        return ("route del %r" % (key,), "HNV_CMD_ROUTE_DEL",
                self.sel() + [A("HNV_A_RDID", "u32", key[1]),
                              prefix_nest("HNV_A_ROUTE_PREFIX", key[2],
                                          key[3])],
                0 if key in self.m["route"] else E.ENOENT, apply, None)

    def acl_target(self):
        r = self.rng
        if r.random() < 0.5:
            port = r.choice(self.ports)
            return ("port", port), self.psel(port)
        vsid = r.choice((5001, 5002, 9000))
        return ("vsid", vsid), self.sel() + [A("HNV_A_VSID", "u32", vsid)]

    def acl_prefix(self, fam):
        """A random prefix of family @fam for an ACL rule's match."""
        r = self.rng
        a, ln = r.choice(self.P4 if fam == 4 else self.P6)
        ln = r.choice((ln, ln + 8 if fam == 6 else min(ln + 4, 32)))
        a = norm(str(ipaddress.ip_network("%s/%d" % (a, ln),
                                          strict=False).network_address))
        return a, ln

    def acl_ports(self, rec, kids):
        """Random port ranges of a TCP or UDP rule."""
        r = self.rng
        for f, lo in (("sport", "HNV_ACL_A_SPORT_MIN"),
                      ("dport", "HNV_ACL_A_DPORT_MIN")):
            how = r.randrange(4)
            x, y = sorted((r.randrange(65536), r.randrange(65536)))
            if how == 1:
                rec[f] = (x, x)
                kids.append(A(lo, "u16", x))
            elif how == 2:
                rec[f] = (0, y)
                kids.append(A(getattr(U, lo) + 1, "u16", y))
            elif how == 3:
                rec[f] = (x, y)
                kids += [A(lo, "u16", x), A(getattr(U, lo) + 1, "u16", y)]

    def acl_rule(self, rec, kids):
        """A random rule's priority and match, into @rec and @kids."""
        r = self.rng
        prio = r.choice(self.PRIOS)
        proto = r.choice((None, 6, 17, 1, 58))
        fam = 4 if proto == 1 else 6 if proto == 58 else r.choice((4, 6))
        rec.update(proto=proto, src=None, dst=None, sport=(0, 65535),
                   dport=(0, 65535))
        kids.append(A("HNV_ACL_A_PRIORITY", "u32", prio))
        if proto is not None:
            kids.append(A("HNV_ACL_A_PROTO", "u8", proto))
        for f, name in (("src", "HNV_ACL_A_SRC"), ("dst", "HNV_ACL_A_DST")):
            if r.random() < 0.4:
                rec[f] = self.acl_prefix(fam)
                kids.append(prefix_nest(name, *rec[f]))
        if proto in (6, 17):
            self.acl_ports(rec, kids)
        return prio

    def op_acl_new(self):
        r = self.rng
        target, at = self.acl_target()
        d = r.choice((1, 2))
        action = r.choice((1, 2))
        stateful = action == 1 and r.random() < 0.4
        kids = [A("HNV_ACL_A_DIR", "u8", d),
                A("HNV_ACL_A_ACTION", "u8", action)]
        if stateful:
            kids.append(A("HNV_ACL_A_STATEFUL", "flag", 0))
        rec = {"action": action, "stateful": stateful}
        replace = False
        if r.random() < 0.25:
            kids.append(A("HNV_ACL_A_DEFAULT", "flag", 0))
            key = (self.sw, target, d, 0)
            err = 0
        else:
            key = (self.sw, target, d, self.acl_rule(rec, kids))
            replace = r.random() < 0.4
            err = E.EEXIST if key in self.m["acl"] and not replace else 0
        at.append(A("HNV_A_ACL", "nest", kids))
        if replace:
            at.append(A("HNV_A_REPLACE", "flag", 0))

        def apply():
            self.m["acl"][key] = rec
        return ("acl %s %r %r" % ("replace" if replace else "add", key, rec),
                "HNV_CMD_ACL_NEW", at, err, apply, None)

    def op_acl_del(self):
        r = self.rng
        key = self.existing("acl", repr)
        if key:
            at = self.psel(key[1][1]) if key[1][0] == "port" else \
                self.sel() + [A("HNV_A_VSID", "u32", key[1][1])]
        else:
            target, at = self.acl_target()
            key = (self.sw, target, r.choice((1, 2)),
                   r.choice((0,) + self.PRIOS))

        def apply():
            del self.m["acl"][key]
        return ("acl del %r" % (key,), "HNV_CMD_ACL_DEL",
                at + [acl_key_nest(key)],
                0 if key in self.m["acl"] else E.ENOENT, apply, None)

    def op_acl_flush(self):
        r = self.rng
        how = r.randrange(3)
        if how == 0:
            at, match = self.sel(), (lambda k: k[0] == self.sw)
            what = "all"
        else:
            target, at = self.acl_target()
            d = r.choice((1, 2)) if how == 2 else 0
            if target[0] == "port" and r.random() < 0.5:
                at = self.sel() + at
            if d:
                at.append(A("HNV_A_ACL", "nest", [A("HNV_ACL_A_DIR", "u8",
                                                     d)]))
            match = (lambda k: k[0] == self.sw and k[1] == target and
                     (not d or k[2] == d))
            what = "%r dir %d" % (target, d)

        def apply():
            for k in [k for k in self.m["acl"] if match(k)]:
                del self.m["acl"][k]
        return ("acl flush " + what, "HNV_CMD_ACL_FLUSH", at, 0, apply,
                None)

    def op_switch_set(self):
        r = self.rng
        at = self.sel()
        ch = {}
        for f, name, vals in (
                ("uft_max", "HNV_A_SWITCH_UFT_MAX", (1, 1000, 262144,
                                                     16777216)),
                ("uft_port_max", "HNV_A_SWITCH_UFT_PORT_MAX", (1, 500,
                                                               16384)),
                ("uft_idle_ms", "HNV_A_SWITCH_UFT_IDLE_MS", (100, 30000,
                                                             3600000)),
                # (never below what the model's mappings can count)
                ("maps_max", "HNV_A_SWITCH_MAPS_MAX", (10000, 1048576,
                                                       16777216)),
                ("vxlan_port", "HNV_A_SWITCH_VXLAN_PORT", (4789, 4789,
                                                           4789, 4790)),
                ("strict", "HNV_A_SWITCH_STRICT", (0, 1)),
                ("nvgre_flowid", "HNV_A_SWITCH_NVGRE_FLOWID", (0, 1)),
                ("conn_timeout", "HNV_A_SWITCH_CONN_TIMEOUT", (1, 30,
                                                               864000)),
                ("conn_tcp_timeout", "HNV_A_SWITCH_CONN_TCP_TIMEOUT",
                 (1, 3600, 864000))):
            if r.random() < 0.3:
                ch[f] = r.choice(vals)
                kind = "u16" if f == "vxlan_port" else "u8" if f in (
                    "strict", "nvgre_flowid") else "u32"
                at.append(A(name, kind, ch[f]))
        if r.random() < 0.2:
            ch["router_mac"] = self.unicast_mac()
            at.append(A("HNV_A_SWITCH_ROUTER_MAC", "bin",
                        mac(ch["router_mac"])))
        if r.random() < 0.1:
            ch["pas"] = tuple(r.sample(("192.168.1.10", "192.168.1.11",
                                        "192.168.1.12", "10.0.0.1"),
                                       r.randrange(4)))
            at.append(list_nest("HNV_A_SWITCH_PAS", ch["pas"]))

        def apply():
            self.switch_rec().update(ch)
        return ("switch set %r" % ch, "HNV_CMD_SWITCH_SET", at, 0, apply,
                None)

    def op_get(self):
        """A do-request whose reply must be the model's record."""
        r = self.rng
        how = r.randrange(3)
        if how == 0:
            key, kind, cmd, at = self.sw, "switch", "HNV_CMD_SWITCH_GET", \
                self.sel()
        elif how == 1:
            key = r.choice(self.ports)
            kind, cmd, at = "port", "HNV_CMD_PORT_GET", self.psel(key)
        else:
            vsid = self.vsid()
            key, kind, cmd = (self.sw, vsid), "subnet", "HNV_CMD_SUBNET_GET"
            at = self.sel() + [A("HNV_A_VSID", "u32", vsid)]

        def check(o):
            got = decode(kind, o.data)
            want = [(key, freeze(self.m[kind][key]))]
            return None if got == want else "replied %r, the model has %r" % (
                got, want)
        return ("get %s %r" % (kind, key), cmd, at,
                0 if key in self.m[kind] else E.ENOENT, None, check)

    def op(self):
        r = self.rng.random()
        for p, f in ((0.10, self.op_subnet_new), (0.16, self.op_subnet_del),
                     (0.30, self.op_port_set), (0.44, self.op_map_new),
                     (0.52, self.op_map_del), (0.62, self.op_route_new),
                     (0.68, self.op_route_del), (0.80, self.op_acl_new),
                     (0.87, self.op_acl_del), (0.90, self.op_acl_flush),
                     (0.95, self.op_switch_set)):
            if r < p:
                return f()
        return self.op_get()


