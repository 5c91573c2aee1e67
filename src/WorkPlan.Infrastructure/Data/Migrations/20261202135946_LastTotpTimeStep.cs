using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LastTotpTimeStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_totp_time_step",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_totp_time_step",
                table: "AspNetUsers");
        }
    }
}
