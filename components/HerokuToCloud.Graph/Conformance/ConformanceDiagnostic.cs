using HerokuToCloud.Graph.TypeScript;

namespace HerokuToCloud.Graph.Conformance;

/// <summary>
/// One reason a program would not pass <c>pulumi preview</c>: the program, the element and property it
/// concerns when known, a code (<c>TS2353</c> from the TypeScript compiler, <c>H2C-*</c> from the checks
/// before it) and the message.
/// </summary>
public sealed record ConformanceDiagnostic(string Program, SourceOwner? Owner, string Code, string Message)
{
    /// <summary>The resource (or variable, output, config key) name, when the diagnostic is about one.</summary>
    public string? Element => Owner?.Name;

    public override string ToString() =>
        Owner is null ? $"{Program}: {Code}: {Message}" : $"{Program}: {Owner}: {Code}: {Message}";
}

/// <summary>Codes of the checks that run before the compiler.</summary>
public static class ConformanceCodes
{
    /// <summary>The Pulumi YAML file could not be read.</summary>
    public const string Read = "H2C-READ";

    /// <summary>The graph breaks a program rule (dangling reference, unpinned provider, plaintext secret, cycle).</summary>
    public const string Program = "H2C-PROGRAM";

    /// <summary>No provider in the typings defines this resource type.</summary>
    public const string UnknownType = "H2C-TYPE";

    /// <summary>No provider in the typings defines this function.</summary>
    public const string UnknownFunction = "H2C-FUNCTION";

    /// <summary>A type Pulumi YAML itself refuses to run.</summary>
    public const string UnsupportedInYaml = "H2C-YAML";

    /// <summary>The program pins a provider version other than the typings it was checked against, or a package with no typings.</summary>
    public const string Version = "H2C-VERSION";

    /// <summary>Something the TypeScript translation could not express.</summary>
    public const string Translation = "H2C-TRANSLATE";
}
