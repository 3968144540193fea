import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AccountBook } from '../../../../shared/domain/account-book';
import type { Location } from '../../../../shared/domain/location';
import type { ZonebookDb } from '../../../../shared/store';

export interface BookLocations {
  locations: Location[];
  /** The code a worker knows the location by; says so plainly when the location is gone. */
  locationCode: (locationId: string) => string;
}

/** The locations goods of this book can be at: the book's own and its enterprise's shared ones. */
export function useBookLocations(db: ZonebookDb, book: AccountBook): BookLocations {
  const { t } = useTranslation();
  const loaded = useLiveQuery(async () => {
    const [own, shared] = await Promise.all([
      db.locations.where('bookId').equals(book.id).toArray(),
      db.locations.where('enterpriseId').equals(book.ownerEnterpriseId).toArray(),
    ]);
    return [...own, ...shared].sort((a, b) => a.code.localeCompare(b.code));
  }, [db, book.id, book.ownerEnterpriseId]);
  const locations = loaded ?? [];
  const byId = new Map(locations.map((location) => [location.id, location]));
  return {
    locations,
    locationCode: (locationId) =>
      byId.get(locationId)?.code ??
      (loaded === undefined
        ? '…'
        : t('inventory.stock.accounts.unknownLocation', { id: locationId.slice(0, 8) })),
  };
}
