using Safeguard.Cli;

return await SafeguardCommand.RunAsync(args);

/// <summary>The entry point, named so that WebApplicationFactory&lt;Program&gt; can start the service in tests.</summary>
public partial class Program;
