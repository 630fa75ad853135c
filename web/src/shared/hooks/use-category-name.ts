import { localizedName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useCategories } from '../api/get-categories';

/** Category ids to names in the current language (the id itself until the list has loaded). */
export function useCategoryName(): (id: string) => string {
  const categories = useCategories();
  const language = useLanguage();
  return (id) => {
    const category = categories.data?.find((c) => c.id === id);
    return category ? localizedName(category, language) : id;
  };
}
