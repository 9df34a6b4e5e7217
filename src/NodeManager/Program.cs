using NodeManager.Cli;

return await NodemgrCli.RunAsync(args);
