namespace ContentPipeline.Benchmarks.Load;

/// <summary>What one operation of a load scenario came to.</summary>
internal readonly record struct OperationOutcome(OperationStatus Status, int Conflicts = 0, string? Error = null)
{
    public static OperationOutcome Succeeded(int conflicts = 0) => new(OperationStatus.Succeeded, conflicts);

    public static OperationOutcome Failed(string error, int conflicts = 0) => new(OperationStatus.Failed, conflicts, error);

    /// <summary>Given up because the scenario ended while it was still retrying; it changed nothing.</summary>
    public static OperationOutcome Abandoned(int conflicts) => new(OperationStatus.Abandoned, conflicts);
}

internal enum OperationStatus
{
    Succeeded,
    Failed,
    Abandoned,
}
