namespace HerokuToCloud.Cli.Progress;

/// <summary>What a progress count counts: a table's rows, large objects, or the bytes of a download (see <see cref="Amount"/> for how each is written).</summary>
internal enum Measure
{
    Rows,
    Bytes,
    LargeObjects,
}
