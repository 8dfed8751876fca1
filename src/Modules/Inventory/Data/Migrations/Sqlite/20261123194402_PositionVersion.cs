using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Inventory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PositionVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "inventory_positions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "inventory_positions");
        }
    }
}
