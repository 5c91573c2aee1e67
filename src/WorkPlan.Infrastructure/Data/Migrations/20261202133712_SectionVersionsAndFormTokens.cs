using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SectionVersionsAndFormTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "form_token",
                table: "sections",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "sections",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<Guid>(
                name: "form_token",
                table: "indicators",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sections_plan_id_form_token",
                table: "sections",
                columns: new[] { "plan_id", "form_token" },
                unique: true,
                filter: "form_token IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_indicators_plan_id_form_token",
                table: "indicators",
                columns: new[] { "plan_id", "form_token" },
                unique: true,
                filter: "form_token IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sections_plan_id_form_token",
                table: "sections");

            migrationBuilder.DropIndex(
                name: "ix_indicators_plan_id_form_token",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "form_token",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "sections");

            migrationBuilder.DropColumn(
                name: "form_token",
                table: "indicators");
        }
    }
}
