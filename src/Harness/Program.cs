using MaxK.Harness.Cli;

// `maxk`: the MaxK-GNN benchmark harness. Each command lives in Cli/; logic lives in the folders beside it.
return MaxkCli.Run(args);
