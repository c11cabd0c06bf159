using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Run: dotnet run -c Release --project bench/Safeguard.Benchmarks -- --filter '*' (see BENCHMARKS.md).</summary>
public partial class Program;
