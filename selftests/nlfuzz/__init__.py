# SPDX-License-Identifier: GPL-2.0
"""Netlink fuzzer of the "hnv" generic-netlink family (nl_fuzz.py runs it).

    netlink    the socket, message encoding and decoding, Outcome
    uapi       the values of uapi/linux/hnv.h (U)
    attrs      attributes of requests (A, Raw), addresses
    state      dumps decoded into snapshots, State (read, restore)
    templates  the namespace nl_fuzz.sh sets up and valid requests on it
    verdict    what the netlink core and hnv must answer (judge())
    variants   malformed variants of a valid request
    mutations  seeded random mutations of a valid request's bytes
    model      a model of the state, random valid requests
    fuzzer     Fuzzer: sending, assertion groups, undoing, consistency
    phases     the phases: malformed, mutate, sequence
"""
