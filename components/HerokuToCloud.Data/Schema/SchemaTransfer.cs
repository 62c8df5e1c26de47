using System.Text;
using HerokuToCloud.Data.Catalog;
using HerokuToCloud.Data.Connections;
using HerokuToCloud.Data.Storage;
using HerokuToCloud.Data.Tools;

namespace HerokuToCloud.Data.Schema;

/// <summary>
/// Moves the schema with PostgreSQL's own tools, which know every object type of every version:
/// one <c>pg_dump</c> of the pre-data and post-data sections (no table data) reading the run's exported
/// snapshot, restored section by section. Pre-data goes in with <c>pg_restore</c> fed through its standard
/// input, so it dies with this process; each object commits on its own rather than in one transaction,
/// because one transaction would lock every table it creates (and their sequences and TOAST tables) at once
/// and a database with a few thousand tables does not fit the lock table of a default server. A half-done
/// pre-data restore is never used: the run's state records pre-data as done only after it finished, and a
/// resumed run empties the target and restores pre-data again (<see cref="Migration.LiveMigration"/>). Post-data is
/// handed back as items for <see cref="PostDataRunner"/>, which records each one as it commits.
/// Ownership and grants are not carried (<c>--no-owner --no-acl</c>): the target's roles are not
/// Heroku's, and the target user owns everything.
/// </summary>
public sealed class SchemaTransfer(PgClientTools tools, DatabaseSessions source, DatabaseSessions target)
{
    /// <summary>
    /// Dumps the schema at <paramref name="snapshot"/> into a custom-format archive in <paramref name="workspace"/>
    /// (owner-only: the archive holds every function body and view definition of the source).
    /// The <paramref name="sequences"/>' values are left out (the copy sets them): pg_dump reads every sequence
    /// it dumps a value of, even for a schema-only section, and keeps a lock on each until it ends, on top of
    /// the one it holds on every table.
    /// </summary>
    public async Task<string> DumpAsync(PrivateDirectory workspace, string snapshot, IReadOnlyList<(string Schema, string Name)> sequences, CancellationToken cancellationToken)
    {
        var file = workspace.CreateFile("schema.dump");
        // Not --exclude-table-data='*.*': that would leave out the refresh of materialized views too. A pg_dump
        // pattern in double quotes matches its name literally (no wildcards, case kept), as SQL quoting does.
        var withoutSequenceValues = sequences.Select(s => $"--exclude-table-data={Identifier.Qualify(s.Schema, s.Name)}");
        await tools.RunAsync(
            "pg_dump",
            ["--format=custom", "--section=pre-data", "--section=post-data", .. withoutSequenceValues, $"--snapshot={snapshot}", "--no-sync", $"--file={file}"],
            source.ChildEnvironment("heroku2cloud-pg_dump"),
            (code, stderr) => PgClientTools.ExplainClientFailure("pg_dump", "source", source.Endpoint, code, stderr),
            cancellationToken);
        return file;
    }

    /// <summary>
    /// Restores the pre-data section (schemas, extensions, types, functions, tables, sequences, large object
    /// entries), one object per transaction, leaving out the <paramref name="existingSchemas"/> of the target.
    /// </summary>
    public async Task RestorePreDataAsync(string archive, IReadOnlyCollection<string> existingSchemas, CancellationToken cancellationToken)
    {
        var list = await TableOfContentsAsync(archive, cancellationToken);
        // Next to the archive, which is in the run's owner-only workspace.
        var listFile = archive + ".list";
        await PrivateDirectory.WriteOwnerOnlyTextAsync(listFile, RestoreList.ForTarget(list, existingSchemas), cancellationToken);
        try
        {
            await using var input = File.OpenRead(archive);
            await tools.RunAsync(
                "pg_restore",
                ["--section=pre-data", "--no-owner", "--no-acl", "--no-tablespaces", "--exit-on-error", $"--use-list={listFile}", $"--dbname={target.Endpoint.Database}"],
                target.ChildEnvironment("heroku2cloud-restore"),
                (code, stderr) => PgClientTools.ExplainClientFailure("pg_restore", "target", target.Endpoint, code, stderr),
                cancellationToken,
                stdin: input);
        }
        finally
        {
            File.Delete(listFile);
        }
    }

    /// <summary>The post-data section as SQL items, split from pg_restore's script output.</summary>
    public async Task<PostDataScript.Parsed> ReadPostDataAsync(string archive, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await tools.RunAsync(
            "pg_restore",
            ["--section=post-data", "--no-owner", "--no-acl", "--no-tablespaces", "--file=-", archive],
            new Dictionary<string, string>(),
            (code, stderr) => new DataMigrationException($"pg_restore could not read the schema archive (exit {code}): {stderr}"),
            cancellationToken,
            stdout: output);
        return PostDataScript.Parse(Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>The session preamble alone (needed again on a resumed run, whose post-data items come from the state).</summary>
    public static string DefaultPreamble => """
        SET statement_timeout = 0;
        SET lock_timeout = 0;
        SET idle_in_transaction_session_timeout = 0;
        SET standard_conforming_strings = on;
        SELECT pg_catalog.set_config('search_path', '', false);
        SET check_function_bodies = false;
        SET xmloption = content;
        SET client_min_messages = warning;
        SET row_security = off;
        """;

    private async Task<string> TableOfContentsAsync(string archive, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        await tools.RunAsync(
            "pg_restore",
            ["--list", archive],
            new Dictionary<string, string>(),
            (code, stderr) => new DataMigrationException($"pg_restore could not list the schema archive (exit {code}): {stderr}"),
            cancellationToken,
            stdout: output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
