using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Integration.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_subscription_failures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    subscriber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "text", maxLength: 400, nullable: false),
                    failed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_subscription_failures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_subscriptions",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_subscriptions", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_subscription_failures_subscriber",
                table: "event_subscription_failures",
                column: "subscriber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_subscription_failures");

            migrationBuilder.DropTable(
                name: "event_subscriptions");
        }
    }
}
