// Shared React components. They take already-translated text as props: this library never
// imports i18n, so it stays reusable and the app owns every string.
export { ConfirmDialog, type ConfirmDialogProps } from './lib/confirm-dialog';
export { DataTable, RowsFooter, type DataTableColumn, type DataTablePagination, type DataTableProps } from './lib/data-table';
export { DescriptionList, type DescriptionItem, type DescriptionListProps } from './lib/description-list';
export { LoadingState, type LoadingStateProps } from './lib/loading-state';
export { PageHeader, type PageHeaderProps } from './lib/page-header';
export { RoleBadges, type RoleBadgesProps } from './lib/role-badges';
export { StatusBadge, type ServiceState, type StatusBadgeProps } from './lib/status-badge';
