#!/usr/bin/env python3
"""PyTorch Geometric peer of `maxk bench` training cases (owned by the harness, src/Harness/Peers/pyg_train.py).

Trains the same model on the same graph as the harness: the harness writes the graph and the task to
--dataset-dir, this script builds the PyG model, trains full-graph with Adam, times every epoch with
torch.cuda.Event (wall clock on CPU), and writes one JSON object to --json.

Input folder (little-endian, no headers):
  graph.indptr   int32[N+1]  CSR row pointers (row i = the neighbours node i aggregates from; self-loops included
                             where the dataset wants them)
  graph.indices  int32[E]    CSR column indices
  features.f32   float32[N*F] row-major
  labels.i32     int32[N]
  train.i32, val.i32, test.i32  int32 node ids
  meta.json      {"nodes": N, "features": F, "classes": C, "name": "..."}

Model (src/MaxK/Training/Models/*.cs, same widths and depth): input Linear(F, H) -> L x (ReLU -> dropout ->
conv -> LayerNorm(H)) -> output Linear(H, C). conv: sage = SAGEConv(H, H, aggr="mean"); gcn = GCNConv(H, H,
add_self_loops=False, normalize=True) (symmetric norm over the given graph); gin = GINConv(Linear(H, H),
train_eps=True). ReLU only (PyG has no MaxK).

Planetoid datasets (--planetoid-root ROOT --planetoid-name Cora|CiteSeer|PubMed): PyG's own loader reads the task,
torch_geometric.datasets.Planetoid(ROOT, NAME) over ROOT/NAME/raw/ind.<name>.*, the same raw files the harness loaded
(copied there by the harness, so PyG finds them and downloads nothing), with NormalizeFeatures (row sums 1, as the
harness prepares Planetoid features) and one self-loop per node (as the harness adds). The result must equal the
harness's export in --dataset-dir: nodes, edges, features (to 1e-6), classes, labels and the three splits; any
difference stops the run, so PyG and the harness provably train on the same task.

Output JSON: {"pyg_version", "torch_version", "device", "gpu", "model", "hidden", "layers", "epochs",
"warmup_epochs", "epoch_ms": [per epoch], "test_accuracy", "best_epoch", "best_val_accuracy",
"val_curve": [...], "test_curve": [...], "data_source"}; accuracies are fractions in [0, 1]; best_epoch is 1-based;
data_source is "maxk-export" or "pyg-planetoid:<NAME>".
"""
import argparse
import json
import os
import sys
import time


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dataset-dir", required=True)
    p.add_argument("--model", choices=["sage", "gcn", "gin"], required=True)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--warmup-epochs", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--weight-decay", type=float, default=0.0)
    p.add_argument("--seed", type=int, default=97)
    p.add_argument("--device", choices=["cpu", "cuda"], default="cuda")
    p.add_argument("--json", required=True)
    p.add_argument("--planetoid-root", help="read the task with PyG's Planetoid from ROOT/NAME/raw (checked against --dataset-dir)")
    p.add_argument("--planetoid-name", choices=["Cora", "CiteSeer", "PubMed"])
    return p.parse_args(argv)


def load(folder, torch, np):
    with open(os.path.join(folder, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    n, feats = meta["nodes"], meta["features"]

    def ints(name):
        return torch.from_numpy(np.fromfile(os.path.join(folder, name), dtype="<i4").astype(np.int64))

    indptr = ints("graph.indptr")
    indices = ints("graph.indices")
    # Row i aggregates from its columns j, i.e. the CSR is PyG's adj_t (messages flow j -> i). Passed as a
    # torch.sparse CSR tensor, PyG's convs aggregate with a sparse-dense matmul (the documented fast path for
    # full-graph training); an edge_index would materialise E x H messages (78.6M x 256 floats: 80 GB, out of memory).
    edge_index = torch.sparse_csr_tensor(indptr, indices, torch.ones(indices.numel(), dtype=torch.float32), size=(n, n))
    x = torch.from_numpy(np.fromfile(os.path.join(folder, "features.f32"), dtype="<f4").reshape(n, feats))
    y = ints("labels.i32")
    split = {s: ints(s + ".i32") for s in ("train", "val", "test")}
    return meta, edge_index, x, y, split


def csr_adjacency(edge_index, n, torch):
    """The CSR adj_t of an edge_index (messages j -> i become row i, column j), columns sorted within each row."""
    row, col = edge_index[1], edge_index[0]
    order = torch.argsort(row * n + col)
    row, col = row[order], col[order]
    indptr = torch.zeros(n + 1, dtype=torch.int64)
    indptr[1:] = torch.cumsum(torch.bincount(row, minlength=n), 0)
    return indptr, col


def load_planetoid(args, exported, torch):
    """The task as PyG's Planetoid loader reads it from the raw files, checked equal to the harness's export."""
    import torch_geometric.transforms as T
    from torch_geometric.datasets import Planetoid
    from torch_geometric.utils import add_self_loops, remove_self_loops

    data = Planetoid(args.planetoid_root, args.planetoid_name, split="public", transform=T.NormalizeFeatures())[0]
    n = data.num_nodes
    edge_index, _ = remove_self_loops(data.edge_index)
    edge_index, _ = add_self_loops(edge_index, num_nodes=n)
    indptr, indices = csr_adjacency(edge_index, n, torch)
    split = {s: getattr(data, s + "_mask").nonzero().view(-1) for s in ("train", "val", "test")}
    meta, ex_indptr, ex_indices, ex_x, ex_y, ex_split = exported
    problems = []
    if n != meta["nodes"]:
        problems.append("nodes %d vs %d" % (n, meta["nodes"]))
    else:
        if not (torch.equal(indptr, ex_indptr) and torch.equal(indices, ex_indices)):
            problems.append("graphs differ (%d vs %d edges with self-loops)" % (indices.numel(), ex_indices.numel()))
        if data.x.shape[1] != meta["features"]:
            problems.append("features %d vs %d" % (data.x.shape[1], meta["features"]))
        elif not torch.allclose(data.x, ex_x, atol=1e-6):
            problems.append("feature values differ (max %g)" % (data.x - ex_x).abs().max().item())
        if int(data.y.max()) + 1 != meta["classes"] or not torch.equal(data.y, ex_y):
            problems.append("labels differ")
        for s in ("train", "val", "test"):
            if not torch.equal(split[s], torch.sort(ex_split[s]).values):
                problems.append("%s split differs (%d vs %d nodes)" % (s, split[s].numel(), ex_split[s].numel()))
    if problems:
        raise SystemExit("PyG's Planetoid(%s) and the harness disagree on the task: %s" % (args.planetoid_name, "; ".join(problems)))
    adjacency = torch.sparse_csr_tensor(indptr, indices, torch.ones(indices.numel(), dtype=torch.float32), size=(n, n))
    return meta, adjacency, data.x, data.y, split


def build_model(args, in_features, classes, torch, pyg_nn):
    nn = torch.nn
    h = args.hidden

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_in = nn.Linear(in_features, h)
            self.convs = nn.ModuleList()
            self.norms = nn.ModuleList()
            for _ in range(args.layers):
                if args.model == "sage":
                    conv = pyg_nn.SAGEConv(h, h, aggr="mean")
                elif args.model == "gcn":
                    conv = pyg_nn.GCNConv(h, h, add_self_loops=False, normalize=True, cached=True)
                else:
                    conv = pyg_nn.GINConv(nn.Linear(h, h), train_eps=True)
                self.convs.append(conv)
                self.norms.append(nn.LayerNorm(h))
            self.lin_out = nn.Linear(h, classes)

        def forward(self, x, edge_index):
            x = self.lin_in(x)
            for conv, norm in zip(self.convs, self.norms):
                x = nn.functional.dropout(nn.functional.relu(x), args.dropout, self.training)
                x = norm(conv(x, edge_index))
            return self.lin_out(x)

    return Net()


def main(argv=None):
    args = parse_args(argv)
    import numpy as np
    import torch
    import torch_geometric
    import torch_geometric.nn as pyg_nn

    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    meta, edge_index, x, y, split = load(args.dataset_dir, torch, np)
    data_source = "maxk-export"
    if args.planetoid_root:
        exported = (meta, edge_index.crow_indices(), edge_index.col_indices(), x, y, split)
        meta, edge_index, x, y, split = load_planetoid(args, exported, torch)
        data_source = "pyg-planetoid:" + args.planetoid_name
    edge_index, x, y = edge_index.to(device), x.to(device), y.to(device)
    split = {k: v.to(device) for k, v in split.items()}
    model = build_model(args, x.shape[1], meta["classes"], torch, pyg_nn).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    cuda = device.type == "cuda"
    epoch_ms, val_curve, test_curve = [], [], []
    best_val, best_test, best_epoch = -1.0, 0.0, 0
    for epoch in range(1, args.epochs + 1):
        if cuda:
            start, stop = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
        else:
            t0 = time.perf_counter()
        model.train()
        opt.zero_grad()
        out = model(x, edge_index)
        loss = torch.nn.functional.cross_entropy(out[split["train"]], y[split["train"]])
        loss.backward()
        opt.step()
        if cuda:
            stop.record()
            stop.synchronize()
            epoch_ms.append(start.elapsed_time(stop))
        else:
            epoch_ms.append((time.perf_counter() - t0) * 1000.0)
        model.eval()
        with torch.no_grad():
            pred = model(x, edge_index).argmax(dim=1)
            val = (pred[split["val"]] == y[split["val"]]).float().mean().item()
            test = (pred[split["test"]] == y[split["test"]]).float().mean().item()
        val_curve.append(val)
        test_curve.append(test)
        if val > best_val:
            best_val, best_test, best_epoch = val, test, epoch
    result = {
        "pyg_version": torch_geometric.__version__,
        "torch_version": torch.__version__,
        "device": device.type,
        "gpu": torch.cuda.get_device_name(device) if cuda else None,
        "model": args.model,
        "hidden": args.hidden,
        "layers": args.layers,
        "epochs": args.epochs,
        "warmup_epochs": min(args.warmup_epochs, args.epochs - 1),
        "epoch_ms": epoch_ms,
        "test_accuracy": best_test,
        "best_epoch": best_epoch,
        "best_val_accuracy": best_val,
        "val_curve": val_curve,
        "test_curve": test_curve,
        "data_source": data_source,
    }
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(result, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
