using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HerokuToCloud.Inventory.Readers;

/// <summary>Loads a one-document YAML file, turning every YamlDotNet failure into a located <see cref="InventoryException"/>.</summary>
internal static class YamlDocuments
{
    /// <summary>The root of the file's only document, or null when the file holds no document at all.</summary>
    public static YamlCursor? LoadSingle(string text, string file)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (an unclosed flow [ or { spanning lines).
            var at = scanner.CurrentPosition;
            throw new InventoryException($"{file}:{at.Line}:{at.Column}: the YAML cannot be read at this place (look for an unclosed [ or {{ or a stray quote just before it).", ex);
        }
        catch (YamlException ex)
        {
            var reason = ex.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"the key '{ex.Message["Duplicate key ".Length..]}' appears twice in the same mapping; keep one."
                : $"{ex.Message.TrimEnd('.')}. This is not valid YAML; fix the syntax at this place.";
            throw new InventoryException($"{file}:{ex.Start.Line}:{ex.Start.Column}: {reason}", ex);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new InventoryException($"{file}:{second.Line}:{second.Column}: the file holds more than one YAML document (---); it must be a single document.");
        }

        return stream.Documents.Count == 0 ? null : new YamlCursor(file, stream.Documents[0].RootNode, "");
    }
}
