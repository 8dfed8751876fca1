using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Omni.Common.Data;

/// <summary>Hand-written SQL on a context's connection and current transaction, for the few statements EF cannot express in one round trip.</summary>
public static class RawSql
{
    public static async Task<DbCommand> CommandAsync(this DatabaseFacade database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        var connection = database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A GUID as a parameter value: EF stores GUIDs as upper-case text on SQLite and as uuid on PostgreSQL.</summary>
    public static object Id(this DatabaseFacade database, Guid id) =>
        database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? id.ToString().ToUpperInvariant() : id;

    public static async Task<long> ScalarInt64Async(this DatabaseFacade database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = await database.CommandAsync(sql, ct, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
