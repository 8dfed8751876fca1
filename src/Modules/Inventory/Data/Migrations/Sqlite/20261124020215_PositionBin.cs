using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Inventory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PositionBin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "bin",
                table: "inventory_positions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "bin",
                table: "inventory_positions");
        }
    }
}
