namespace HerokuToCloud.Inventory;

/// <summary>
/// Input the inventory stage cannot use. The message names the file, the line and column (or the
/// JSON path or key) and says what to do; the CLI prints it as-is.
/// </summary>
public sealed class InventoryException : Exception
{
    public InventoryException(string message)
        : base(message)
    {
    }

    public InventoryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
