#!/usr/bin/env python3
"""Writes ind.tinyciteseer.* — a tiny CiteSeer-like Planetoid dataset — for the loader tests.

The pickles are written opcode by opcode, without numpy or scipy, in the exact shape that Python 2's cPickle
gave the real files (protocol 2): the same globals (scipy.sparse.csr csr_matrix, numpy.core.multiarray
_reconstruct, numpy ndarray, numpy dtype, collections defaultdict, __builtin__ list), the same memo pattern,
SHORT_BINSTRING/BINSTRING chosen by length and APPENDS/SETITEMS batches of 1000.

    python3 make_planetoid_fixture.py                  # (re)write the fixture next to this script
    python3 make_planetoid_fixture.py --compare DIR    # also check its opcode skeleton against ind.cora.* in DIR

Dataset (16 features, 3 classes): allx = nodes 0..7 (x, y = the first 3), test.index lists 11, 8, 12, 9, so
test ids span 8..12 and node 10 is an isolated gap with no features and an all-zero label row, as in
CiteSeer. ally row 5 is all zero too. The graph has a repeated edge (0-1), a self-loop (3), a one-way edge
(5->7), a one-item list (APPEND), an empty list, and node 10 absent.
"""
import os
import pickletools
import struct
import sys

NAME = "tinyciteseer"
FEATURES = 16
CLASSES = 3
ALLX_ROWS = 8
TRAIN_ROWS = 3
TEST_IDS = [11, 8, 12, 9]          # file order; tx/ty row i belongs to node TEST_IDS[i]
ALLY = [0, 1, 2, 1, 0, None, 2, 1]  # None: all-zero label row
TY = [2, 1, 0, 1]
GRAPH = [(0, [1, 1, 2]), (1, [0]), (2, [0, 8]), (3, [3, 4]), (4, [3]), (5, [7]), (6, [9, 11]), (7, []),
         (8, [2, 12]), (9, [6]), (11, [6, 12]), (12, [8, 11])]


def allx_row(r):
    """Eight non-zeros per row: columns (3r + 2k) mod 16, values r + 1 + k/4 (exact in float32)."""
    return sorted(((3 * r + 2 * k) % FEATURES, r + 1 + 0.25 * k) for k in range(8))


def tx_row(i):
    return [(i, 100.0 + i), (15, -1.5)]


class Writer:
    """Emits protocol-2 opcodes the way Python 2's cPickle did for these objects."""

    def __init__(self):
        self.out = bytearray(b"\x80\x02")
        self.memo = 0
        self.dtype_memo = {}   # type string -> memo index of the built dtype
        self.globals = {}      # "module name" -> memo index

    def put(self):
        self.memo += 1
        self.out += (b"q" + bytes([self.memo])) if self.memo < 256 else (b"r" + struct.pack("<I", self.memo))
        return self.memo

    def get(self, index):
        self.out += (b"h" + bytes([index])) if index < 256 else (b"j" + struct.pack("<I", index))

    def integer(self, v):
        if 0 <= v < 256:
            self.out += b"K" + bytes([v])
        elif 0 <= v < 65536:
            self.out += b"M" + struct.pack("<H", v)
        else:
            self.out += b"J" + struct.pack("<i", v)

    def string(self, data, memoize=False):
        data = data.encode("latin1") if isinstance(data, str) else data
        self.out += (b"U" + bytes([len(data)])) if len(data) < 256 else (b"T" + struct.pack("<i", len(data)))
        self.out += data
        if memoize:
            self.put()

    def global_ref(self, module, name):
        key = module + " " + name
        if key in self.globals:
            self.get(self.globals[key])
        else:
            self.out += b"c" + module.encode() + b"\n" + name.encode() + b"\n"
            self.globals[key] = self.put()

    def dtype(self, type_string):
        if type_string in self.dtype_memo:
            self.get(self.dtype_memo[type_string])
            return
        self.global_ref("numpy", "dtype")
        self.string(type_string)
        self.integer(0)
        self.integer(1)
        self.out += b"\x87R"                       # TUPLE3 REDUCE
        self.dtype_memo[type_string] = self.put()
        self.out += b"("                           # MARK: dtype state (3, '<', None, None, None, -1, -1, 0)
        self.integer(3)
        self.string("<")
        self.out += b"NNN" + b"J" + struct.pack("<i", -1) + b"J" + struct.pack("<i", -1)
        self.integer(0)
        self.out += b"tb"                          # TUPLE BUILD

    def ndarray(self, shape, type_string, raw):
        self.global_ref("numpy.core.multiarray", "_reconstruct")
        self.global_ref("numpy", "ndarray")
        self.integer(0)
        self.out += b"\x85"                        # TUPLE1: (0,)
        self.string("b")
        self.out += b"\x87R"                       # TUPLE3 REDUCE
        self.put()
        self.out += b"("                           # MARK: state (1, shape, dtype, False, raw)
        self.integer(1)
        for extent in shape:
            self.integer(extent)
        self.out += b"\x85" if len(shape) == 1 else b"\x86"
        self.dtype(type_string)
        self.out += b"\x89"                        # NEWFALSE (C order)
        self.string(raw)
        self.out += b"tb"                          # TUPLE BUILD

    def stop(self):
        self.out += b"."
        return bytes(self.out)


def csr_pickle(rows):
    indptr, indices, data = [0], [], []
    for row in rows:
        for column, value in row:
            indices.append(column)
            data.append(value)
        indptr.append(len(indices))
    w = Writer()
    w.global_ref("scipy.sparse.csr", "csr_matrix")
    w.out += b")\x81"                              # EMPTY_TUPLE NEWOBJ
    w.put()
    w.out += b"}"                                  # EMPTY_DICT
    w.put()
    w.out += b"("
    w.string("format", memoize=True)
    w.string("csr")
    w.string("_shape", memoize=True)
    w.integer(len(rows))
    w.integer(FEATURES)
    w.out += b"\x86"
    w.string("indptr", memoize=True)
    w.ndarray([len(indptr)], "i4", struct.pack("<%di" % len(indptr), *indptr))
    w.string("_cs_matrix__has_sorted_indices", memoize=True)
    w.out += b"\x88"                               # NEWTRUE
    w.string("indices", memoize=True)
    w.ndarray([len(indices)], "i4", struct.pack("<%di" % len(indices), *indices))
    w.string("maxprint", memoize=True)
    w.integer(50)
    w.string("data", memoize=True)
    w.ndarray([len(data)], "f4", struct.pack("<%df" % len(data), *data))
    w.out += b"ub"                                 # SETITEMS BUILD
    return w.stop()


def one_hot_pickle(labels):
    flat = []
    for label in labels:
        flat += [1 if label is not None and c == label else 0 for c in range(CLASSES)]
    w = Writer()
    w.ndarray([len(labels), CLASSES], "i4", struct.pack("<%di" % len(flat), *flat))
    return w.stop()


def graph_pickle():
    w = Writer()
    w.global_ref("collections", "defaultdict")
    w.global_ref("__builtin__", "list")
    w.out += b"\x85R"                              # TUPLE1 REDUCE
    w.put()
    for start in range(0, len(GRAPH), 1000):
        batch = GRAPH[start:start + 1000]
        w.out += b"(" if len(batch) > 1 else b""
        for key, neighbours in batch:
            w.integer(key)
            w.out += b"]"                          # EMPTY_LIST
            w.put()
            if len(neighbours) == 1:
                w.integer(neighbours[0])
                w.out += b"a"                      # APPEND
            elif neighbours:
                w.out += b"("
                for n in neighbours:
                    w.integer(n)
                w.out += b"e"                      # APPENDS
        w.out += b"u" if len(batch) > 1 else b"s"  # SETITEMS / SETITEM
    return w.stop()


def files():
    allx = [allx_row(r) for r in range(ALLX_ROWS)]
    tx = [tx_row(i) for i in range(len(TEST_IDS))]
    return {
        "x": csr_pickle(allx[:TRAIN_ROWS]),
        "y": one_hot_pickle(ALLY[:TRAIN_ROWS]),
        "allx": csr_pickle(allx),
        "ally": one_hot_pickle(ALLY),
        "tx": csr_pickle(tx),
        "ty": one_hot_pickle(TY),
        "graph": graph_pickle(),
        "test.index": "".join("%d\n" % i for i in TEST_IDS).encode(),
    }


def skeleton(data):
    """Opcode names with integer, string and memo opcodes merged and repeats collapsed; globals kept."""
    merge = {"BININT1": "INT", "BININT2": "INT", "BININT": "INT", "SHORT_BINSTRING": "STR", "BINSTRING": "STR",
             "BINPUT": "PUT", "LONG_BINPUT": "PUT", "BINGET": "GET", "LONG_BINGET": "GET"}
    result = []
    for op, arg, _ in pickletools.genops(data):
        name = merge.get(op.name, op.name)
        if name == "GLOBAL":
            name += " " + arg
        if not result or result[-1] != name:
            result.append(name)
    return result


def compare(reference_dir):
    ok = True
    mine = files()
    for suffix in ["x", "y", "tx", "ty", "allx", "ally", "graph"]:
        with open(os.path.join(reference_dir, "ind.cora." + suffix), "rb") as f:
            theirs = skeleton(f.read())
        ours = skeleton(mine[suffix])
        # Graph: node lists differ in length, so compare the header and the set of opcodes used.
        same = (ours[:6] == theirs[:6] and set(ours) <= set(theirs)) if suffix == "graph" else ours == theirs
        print("%-5s %s" % (suffix, "same structure as Cora" if same else "DIFFERENT:\n  ours   %s\n  theirs %s" % (ours, theirs)))
        ok &= same
    return ok


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for suffix, data in files().items():
        with open(os.path.join(here, "ind.%s.%s" % (NAME, suffix)), "wb") as f:
            f.write(data)
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        sys.exit(0 if compare(sys.argv[2]) else 1)


if __name__ == "__main__":
    main()
